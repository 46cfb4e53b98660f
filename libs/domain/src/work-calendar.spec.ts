import fc from 'fast-check';
import { addDays, isoWeekday } from './calendar-date';
import {
  addWorkdays,
  nextWorkdayOnOrAfter,
  previousWorkdayOnOrBefore,
  WEEKDAY_CALENDAR,
  WorkCalendar,
  workdaysBetween,
} from './work-calendar';
import { HolidayCalendar, missingCalendarYear } from './holiday-calendar';
import { cal } from '../test/chinese-days.fixture';
import { sh } from '../test/shanghai';

describe('HolidayCalendar seeded from chinese-days', () => {
  it.each([
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'National Day, a Wednesday'],
    ['2025-09-28', true, 'Sunday 调休 make-up workday'],
    ['2025-10-11', true, 'Saturday 调休 make-up workday'],
    ['2025-09-30', true, 'ordinary Tuesday'],
    ['2025-10-04', false, 'Saturday inside the holiday'],
    ['2026-05-01', false, 'Labour Day'],
    ['2026-05-09', true, 'Saturday 调休 make-up workday'],
    ['2026-05-31', false, 'ordinary Sunday'],
    ['2026-06-19', false, 'Dragon Boat Festival'],
  ])('%s is a workday: %p (%s)', (date, workday) => {
    expect(cal.isWorkday(date)).toBe(workday);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => cal.isWorkday('2025-10-1')).toThrow(/YYYY-MM-DD/);
  });

  it('reports which years the holiday data covers', () => {
    expect(cal.coversYear(2025)).toBe(true);
    expect(cal.coversYear(2026)).toBe(true);
    expect(cal.coversYear(1999)).toBe(false);
  });

  it('names special days', () => {
    expect(cal.dayOf('2025-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(cal.dayOf('2025-09-28')).toMatchObject({ kind: 'workday', name: '国庆节' });
    expect(cal.dayOf('2025-09-30')).toBeNull();
  });

  it('a local rest day is a day off; a stored 调休 workday on a weekend is worked', () => {
    const local = new HolidayCalendar([
      { date: '2027-03-10', kind: 'local_rest', name: '市庆', source: 'admin' },
      { date: '2027-03-13', kind: 'workday', name: '市庆', source: 'admin' },
    ]);
    expect(local.isWorkday('2027-03-10')).toBe(false); // a Wednesday
    expect(local.isWorkday('2027-03-13')).toBe(true); // a Saturday
    expect(addWorkdays(local, '2027-03-09', 1)).toBe('2027-03-11');
    expect(local.coversYear(2027)).toBe(false);
  });

  it('matches the State Council 2025 holiday notice (国办发明电〔2024〕12号) for the whole year', () => {
    const weekendWorkdays: string[] = [];
    const weekdayHolidays: string[] = [];
    for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
      const weekend = isoWeekday(d) >= 6;
      if (weekend && cal.isWorkday(d)) weekendWorkdays.push(d.slice(5));
      if (!weekend && !cal.isWorkday(d)) weekdayHolidays.push(d.slice(5));
    }
    expect(weekendWorkdays).toEqual(['01-26', '02-08', '04-27', '09-28', '10-11']);
    expect(weekdayHolidays).toEqual([
      '01-01',
      '01-28', '01-29', '01-30', '01-31', '02-03', '02-04',
      '04-04',
      '05-01', '05-02', '05-05',
      '06-02',
      '10-01', '10-02', '10-03', '10-06', '10-07', '10-08',
    ]);
  });

  it('falls back to Monday–Friday for years without data', () => {
    expect(cal.isWorkday('2099-01-05')).toBe(true); // a Monday
    expect(cal.isWorkday('2099-01-04')).toBe(false); // a Sunday
  });
});

describe('working-day helpers', () => {
  it('previousWorkdayOnOrBefore skips the National Day holiday', () => {
    expect(previousWorkdayOnOrBefore(cal, '2025-10-01')).toBe('2025-09-30');
    expect(previousWorkdayOnOrBefore(cal, '2025-10-08')).toBe('2025-09-30');
    expect(previousWorkdayOnOrBefore(cal, '2025-09-30')).toBe('2025-09-30');
    expect(previousWorkdayOnOrBefore(cal, '2025-09-28')).toBe('2025-09-28');
  });

  it('nextWorkdayOnOrAfter finds the first day back', () => {
    expect(nextWorkdayOnOrAfter(cal, '2025-10-01')).toBe('2025-10-09');
    expect(nextWorkdayOnOrAfter(cal, '2025-10-09')).toBe('2025-10-09');
  });

  it.each([
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-10-01', 0, '2025-10-01'],
    ['2026-05-29', 1, '2026-06-01'],
    ['2026-05-31', 3, '2026-06-03'],
    ['2026-05-31', 7, '2026-06-09'],
  ])('addWorkdays(%s, %d) = %s', (d, n, want) => {
    expect(addWorkdays(cal, d, n)).toBe(want);
  });

  it('addWorkdays rejects fractions', () => {
    expect(() => addWorkdays(cal, '2025-10-01', 1.5)).toThrow(/integer/);
  });

  it('fails loudly on a calendar with no working days', () => {
    const never: WorkCalendar = { isWorkday: () => false };
    expect(() => addWorkdays(never, '2025-10-01', 1)).toThrow(/no working days/);
  });

  it.each([
    ['2025-09-30', '2025-10-09', 1],
    ['2025-09-26', '2025-10-10', 5],
    ['2025-10-10', '2025-09-26', -5],
    ['2025-10-09', '2025-09-30', -1],
    ['2025-10-09', '2025-10-01', 0],
    ['2025-10-01', '2025-10-01', 0],
    ['2025-10-01', '2025-10-08', 0],
  ])('workdaysBetween(%s, %s) = %d', (a, b, want) => {
    expect(workdaysBetween(cal, a, b)).toBe(want);
  });

  it('weekday calendar: Mon–Fri only', () => {
    expect(WEEKDAY_CALENDAR.isWorkday('2025-10-01')).toBe(true);
    expect(WEEKDAY_CALENDAR.isWorkday('2025-09-28')).toBe(false);
  });

  const anyDate = fc
    .integer({ min: 0, max: 365 * 3 })
    .map((n) => addDays('2024-01-01', n));

  it('property: workdaysBetween(d, addWorkdays(d, n)) = n and the result is a workday', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), (d, n) => {
        const r = addWorkdays(cal, d, n);
        expect(cal.isWorkday(r)).toBe(true);
        expect(workdaysBetween(cal, d, r)).toBe(n);
      }),
    );
  });

  it('property: previousWorkdayOnOrBefore is a workday, not after d, with no workday between', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const p = previousWorkdayOnOrBefore(cal, d);
        expect(cal.isWorkday(p)).toBe(true);
        expect(p <= d).toBe(true);
        expect(workdaysBetween(cal, p, d)).toBe(0);
      }),
    );
  });
});

describe('missingCalendarYear', () => {
  const covering = (...years: number[]) => ({ coversYear: (y: number) => years.includes(y) });

  it.each([
    ['2026-10-31T23:59', [2026], null, 'next year is not due before 1 November'],
    ['2026-11-01T00:00', [2026], 2027, 'from 1 November (Shanghai) next year is due'],
    ['2026-12-01T10:00', [2026, 2027], null, 'next year is in'],
    ['2027-01-04T10:00', [2026], 2027, 'the year itself is missing'],
  ] as [string, number[], number | null, string][])('at %s with %j: %p (%s)', (now, years, missing) => {
    expect(missingCalendarYear(sh(now), covering(...years))).toBe(missing);
  });
});
