import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_DAY_KINDS, CalendarDay, CalendarDayKind, NoticeReading } from '@app/domain';
import type { CalendarChangeResult, CalendarYearView } from '@app/application';

export class CalendarDayResponse {
  @ApiProperty({ example: '2027-02-14' }) date: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, example: 'workday' }) kind: CalendarDayKind;
  @ApiProperty({ example: '春节' }) name: string;
  @ApiProperty({ example: 'notice', description: 'chinese-days@<version> (the seed), notice (an imported notice) or admin' }) source: string;
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ description: 'the year’s schedule is all in; days not listed follow their weekday', example: true }) complete: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'notice' }) source: string | null;
  @ApiProperty({ type: [CalendarDayResponse], description: 'the days that differ from their weekday, in date order' }) days: CalendarDayResponse[];
}

export class CalendarChangeResponse {
  @ApiProperty({ type: [CalendarDayResponse] }) added: CalendarDayResponse[];
  @ApiProperty({ type: [CalendarDayResponse] }) removed: CalendarDayResponse[];
  @ApiProperty({ example: 118, description: 'open items whose reminders were planned again in the same transaction' }) replanned: number;
}

export class NoticeHolidayResponse {
  @ApiProperty({ example: '春节' }) name: string;
  @ApiProperty({ example: '2027-02-06' }) from: string;
  @ApiProperty({ example: '2027-02-13' }) to: string;
  @ApiProperty({ example: 8 }) days: number;
  @ApiProperty({ type: [String], example: ['2027-02-14'], description: '调休 weekend days worked' }) workdays: string[];
}

export class NoticePreviewResponse {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ type: [NoticeHolidayResponse] }) holidays: NoticeHolidayResponse[];
  @ApiProperty({ type: [CalendarDayResponse], description: 'every day read; commit stores exactly these' }) days: CalendarDayResponse[];
}

export class NoticeCommitResponse extends CalendarChangeResponse {
  @ApiProperty({ example: 2027 }) year: number;
}

const day = (d: CalendarDay): CalendarDayResponse => ({ date: d.date, kind: d.kind, name: d.name, source: d.source });

export const toYear = (v: CalendarYearView): CalendarYearResponse => ({ year: v.year, complete: v.complete, source: v.source, days: v.days.map(day) });
export const toChange = (r: CalendarChangeResult): CalendarChangeResponse => ({ added: r.added.map(day), removed: r.removed.map(day), replanned: r.replanned });
export const toPreview = (r: NoticeReading): NoticePreviewResponse => ({
  year: r.year,
  holidays: r.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to, days: h.days, workdays: h.workdays })),
  days: r.days.map(day),
});
