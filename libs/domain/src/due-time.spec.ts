import fc from 'fast-check';
import { clockMinutes, dueAtFor, isClockTime, minutesOfDay, shanghaiDate, zonedInstant } from './due-time';

describe('due time', () => {
  it('dueAtFor: the deadline date at 18:00 Shanghai by default', () => {
    expect(dueAtFor('2025-10-01').toISOString()).toBe('2025-10-01T10:00:00.000Z');
  });

  it('dueAtFor honours a configured end of day and zone', () => {
    expect(dueAtFor('2025-10-01', '17:30').toISOString()).toBe('2025-10-01T09:30:00.000Z');
    expect(dueAtFor('2025-07-01', '18:00', 'Europe/Berlin').toISOString()).toBe('2025-07-01T16:00:00.000Z');
  });

  it('returns a plain Date', () => {
    expect(Object.getPrototypeOf(dueAtFor('2025-10-01'))).toBe(Date.prototype);
  });

  it.each([['2025-10-32'], ['2025-10-1'], ['tomorrow']])('dueAtFor rejects %p', (bad) => {
    expect(() => dueAtFor(bad)).toThrow(/deadline must be a calendar date/);
  });

  it.each([['24:00'], ['9:00'], ['18:60']])('rejects end-of-day %p', (bad) => {
    expect(() => dueAtFor('2025-10-01', bad)).toThrow(/HH:MM/);
  });

  it.each([
    ['2025-09-30T16:00:00Z', '2025-10-01'],
    ['2025-09-30T15:59:59Z', '2025-09-30'],
    ['2025-12-31T16:30:00Z', '2026-01-01'],
  ])('shanghaiDate(%s) = %s', (iso, want) => {
    expect(shanghaiDate(new Date(iso))).toBe(want);
  });

  it('shanghaiDate rejects an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(/invalid Date/);
  });

  it('zonedInstant and minutesOfDay agree', () => {
    const at = zonedInstant('2025-09-30', '09:00');
    expect(at.toISOString()).toBe('2025-09-30T01:00:00.000Z');
    expect(minutesOfDay(at)).toBe(9 * 60);
  });

  it('clock helpers', () => {
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('7:00')).toBe(false);
    expect(clockMinutes('01:30')).toBe(90);
  });
});

describe('Asia/Shanghai fast path', () => {
  // '+08:00' goes through TZDate; 'Asia/Shanghai' after 1992 through plain arithmetic. They must agree.
  const anyInstant = fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

  it('shanghaiDate and minutesOfDay agree with TZDate', () => {
    fc.assert(
      fc.property(anyInstant, (at) => {
        expect(shanghaiDate(at)).toBe(shanghaiDate(at, '+08:00'));
        expect(minutesOfDay(at)).toBeCloseTo(minutesOfDay(at, '+08:00'), 6);
      }),
    );
  });

  it('zonedInstant agrees with TZDate', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 1439 }), (at, minute) => {
        const date = shanghaiDate(at);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        expect(zonedInstant(date, time)).toEqual(zonedInstant(date, time, '+08:00'));
      }),
    );
  });

  it('before 1992 the real zone rules apply (China observed DST 1986–1991)', () => {
    expect(dueAtFor('1990-07-01').toISOString()).toBe('1990-07-01T09:00:00.000Z');
    expect(shanghaiDate(new Date('1990-06-30T15:30:00Z'))).toBe('1990-07-01');
  });
});
