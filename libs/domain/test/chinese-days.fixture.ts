// The chinese-days package's data as a HolidayCalendar: what a new database is seeded with, for unit tests.
import { calendarFromChineseDays, ChineseDaysData, HolidayCalendar } from '../src/holiday-calendar';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DATA: ChineseDaysData = require('chinese-days/dist/chinese-days.json');

export function chineseDaysCalendar(): HolidayCalendar {
  const { days, years } = calendarFromChineseDays(DATA, 'chinese-days');
  return new HolidayCalendar(days, years);
}

/** The calendar the unit specs reason about (2025's National Day, its 调休 Saturdays, …). */
export const cal = chineseDaysCalendar();
