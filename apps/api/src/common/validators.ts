import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@app/domain';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** 'YYYY-MM-DD' (a real calendar date) or an ISO 8601 timestamp with a zone. */
export function isDateOrTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isIsoDate(value)) return true;
  const m = TIMESTAMP.exec(value);
  return !!m && isIsoDate(m[1]) && !Number.isNaN(Date.parse(value));
}

export function IsDateOrTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOrTimestamp',
      validator: {
        validate: (v) => isDateOrTimestamp(v),
        defaultMessage: (a) => `${a?.property} must be a date 'YYYY-MM-DD' or an ISO 8601 timestamp with a time zone`,
      },
    },
    options,
  );
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v) => isIsoDate(v),
        defaultMessage: (a) => `${a?.property} must be a calendar date 'YYYY-MM-DD'`,
      },
    },
    options,
  );
}

/** A list of unit ids or names. */
export const UnitList = () => applyDecorators(IsArray(), ArrayMaxSize(200), IsString({ each: true }), MaxLength(200, { each: true }));

/** A list of nested objects, each validated. */
export const NestedList = (cls: new () => object, max: number) =>
  applyDecorators(IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(() => cls));
