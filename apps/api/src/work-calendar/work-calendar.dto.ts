import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CALENDAR_DAY_KINDS, CalendarDayKind } from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkCalendarQuery {
  @ApiProperty({ example: 2027, description: 'the year to show' })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2027-02-20', description: 'YYYY-MM-DD' }) @IsString() @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, example: 'workday', description: 'holiday 放假; workday 调休上班 (a weekend day worked); local_rest the city’s own extra rest day' })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;
  @ApiProperty({ example: '春节' }) @IsString() @MinLength(1) @MaxLength(50) name: string;
}

export class CalendarChangeDto {
  @ApiPropertyOptional({ type: [CalendarDayDto], description: 'days to add; a day already there is replaced' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  add?: CalendarDayDto[];

  @ApiPropertyOptional({ type: [String], example: ['2027-10-09'], description: 'dates to remove (back to what their weekday says)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @Matches(DATE, { each: true, message: 'remove: each date must be YYYY-MM-DD' })
  remove?: string[];
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(1900)
  @Max(2999)
  year: number;

  @ApiProperty({ example: true, description: 'true: the year’s schedule is all in; false: it is not (the /health warning and the supervisors’ notice start from 1 November)' })
  @IsBoolean()
  complete: boolean;
}

export class NoticeDto {
  @ApiProperty({
    description: 'the text of 国务院办公厅关于XXXX年部分节假日安排的通知, as copied from the web page',
    example: '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text: string;

  @ApiPropertyOptional({ example: 2027, description: 'needed only when the text has no title naming the year' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;
}
