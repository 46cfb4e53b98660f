import { Command, Option } from 'nest-commander';
import { CalendarChangeError, CalendarYearView, WorkCalendarService } from '@app/application';
import { CalendarDay, CalendarDayKind, NoticeReading } from '@app/domain';
import { SYSTEM_ACTOR } from '@app/persistence';
import { DbCommand, readInputFile } from '../db-command';
import { CliError } from '../cli-error';

const KIND: Record<CalendarDayKind, string> = { holiday: '放假', workday: '调休上班', local_rest: '本地休息日' };
const line = (d: CalendarDay) => `  ${d.date}  ${KIND[d.kind]}  ${d.name}  (${d.source})`;

/** Every problem on its own line; nothing was written. */
function refused(e: unknown): never {
  if (!(e instanceof CalendarChangeError)) throw e;
  throw new CliError(['calendar unchanged:', ...e.problems.map((p) => `  ${p}`)].join('\n'));
}

function parseYear(v: string): number {
  const year = Number(v);
  if (!/^\d{4}$/.test(v) || year < 1900 || year > 2999) throw new CliError(`year must be a four-digit year, got "${v}"`);
  return year;
}

const showYear = (v: CalendarYearView) =>
  [`${v.year}: ${v.complete ? 'complete' : 'NOT complete (days not listed follow their weekday)'}${v.source ? `, source ${v.source}` : ''}`, ...v.days.map(line)].join('\n');

const showNotice = (r: NoticeReading) =>
  [
    `${r.year} notice: ${r.holidays.length} holidays, ${r.days.length} days`,
    ...r.holidays.map((h) => `  ${h.name}: ${h.from} – ${h.to} (${h.days} 天)${h.workdays.length ? `; 上班 ${h.workdays.join(', ')}` : ''}`),
  ].join('\n');

@Command({ name: 'calendar-show', arguments: '<year>', description: 'Print a year of the working-day calendar: holidays, 调休 working days, local rest days' })
export class CalendarShowCommand extends DbCommand {
  async run([year]: string[]): Promise<void> {
    const service = await this.db.get(WorkCalendarService);
    process.stdout.write(`${showYear(await service.year(parseYear(year)))}\n`);
  }
}

@Command({
  name: 'calendar-set',
  arguments: '<date> <kind> <name>',
  description: 'Add or replace one day: kind holiday (放假), workday (调休上班, a weekend day) or local_rest (the city’s own rest day); reminders are planned again',
})
export class CalendarSetCommand extends DbCommand {
  async run([date, kind, name]: string[]): Promise<void> {
    const service = await this.db.get(WorkCalendarService);
    const r = await service.change(SYSTEM_ACTOR, { add: [{ date, kind: kind as CalendarDayKind, name }] }).catch(refused);
    process.stdout.write(`${r.added.map(line).join('\n')}\n${r.replanned} open items planned again\n`);
  }
}

@Command({ name: 'calendar-remove', arguments: '<dates...>', description: 'Remove days from the calendar (they follow their weekday again); reminders are planned again' })
export class CalendarRemoveCommand extends DbCommand {
  async run(dates: string[]): Promise<void> {
    const service = await this.db.get(WorkCalendarService);
    const r = await service.change(SYSTEM_ACTOR, { remove: dates }).catch(refused);
    process.stdout.write(`removed:\n${r.removed.map(line).join('\n')}\n${r.replanned} open items planned again\n`);
  }
}

@Command({ name: 'calendar-complete', arguments: '<year>', description: 'Mark a year’s calendar complete (its schedule is all in); --not to take the mark back' })
export class CalendarCompleteCommand extends DbCommand {
  @Option({ flags: '--not', description: 'mark the year not complete' })
  parseNot() {
    return true;
  }

  async run([year]: string[], o: { not?: boolean }): Promise<void> {
    const service = await this.db.get(WorkCalendarService);
    const v = await service.setComplete(SYSTEM_ACTOR, parseYear(year), !o.not).catch(refused);
    process.stdout.write(`${showYear(v)}\n`);
  }
}

@Command({
  name: 'calendar-import',
  arguments: '<file>',
  description: 'Import the State Council notice (国务院办公厅关于XXXX年部分节假日安排的通知) from a UTF-8 text file; --dry-run shows the days read and writes nothing',
})
export class CalendarImportCommand extends DbCommand {
  @Option({ flags: '--dry-run', description: 'print the holidays and days read; write nothing' })
  parseDryRun() {
    return true;
  }

  @Option({ flags: '--year <year>', description: 'the year, when the text has no title naming it' })
  parseYear(v: string) {
    return parseYear(v);
  }

  async run([file]: string[], o: { dryRun?: boolean; year?: number }): Promise<void> {
    const text = (await readInputFile(file)).toString('utf8');
    const service = await this.db.get(WorkCalendarService);
    const reading = await Promise.resolve()
      .then(() => service.previewNotice(text, o.year))
      .catch(refused);
    const out = [showNotice(reading), ...reading.days.map(line)];
    if (o.dryRun) out.push('dry run: nothing written');
    else {
      const r = await service.commitNotice(SYSTEM_ACTOR, text, o.year).catch(refused);
      out.push(`${r.year} imported and complete; ${r.replanned} open items planned again`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
}

export const CALENDAR_COMMANDS = [CalendarShowCommand, CalendarSetCommand, CalendarRemoveCommand, CalendarCompleteCommand, CalendarImportCommand];
