/** The weeks of a month as rows of seven cells (Monday first), each a YYYY-MM-DD date or null outside the month. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Saturday or Sunday (the date's own weekday, no time zone involved). */
export const isWeekend = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
};

export const KIND_WORDS = { holiday: '放假', workday: '调休上班', local_rest: '地方休息日' } as const;
/** The mark in a day's cell: a word, so that colour is never the only signal. */
export const KIND_MARK = { holiday: '休', workday: '班', local_rest: '地' } as const;
