import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A UUID path parameter; a malformed one is a 400 that names the parameter. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException([`${name} must be a UUID`]) }));
