import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

/** Evidence files on a request body: ids from POST /files, attached in the same transaction. */
export const FILE_IDS_DOC: ApiPropertyOptions = {
  type: [String],
  format: 'uuid',
  description: 'files uploaded with POST /files (your own, not yet attached); they are attached in the same transaction',
  example: ['8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b'],
};

/** The optional `fileIds` of a progress report, a submission or a comment (none when left out). */
export const OptionalFileIds = () =>
  applyDecorators(ApiPropertyOptional(FILE_IDS_DOC), IsOptional(), IsArray(), ArrayMaxSize(50), IsUUID('all', { each: true }));

export class AttachFilesDto {
  @ApiProperty(FILE_IDS_DOC)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fileIds: string[];
}

export const DISPOSITIONS = ['inline', 'attachment'] as const;

export class DownloadQuery {
  @ApiPropertyOptional({ enum: DISPOSITIONS, description: 'attachment: download an image instead of showing it', example: 'attachment' })
  @IsOptional()
  @IsIn(DISPOSITIONS)
  disposition?: (typeof DISPOSITIONS)[number];
}
