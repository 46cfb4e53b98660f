import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** The pages whose filters can be saved; the 总台账 is the one list with filters worth naming. */
export const SAVED_VIEW_PAGES = ['ledger'] as const;
export type SavedViewPage = (typeof SAVED_VIEW_PAGES)[number];

export class SavedViewQuery {
  @ApiPropertyOptional({ enum: SAVED_VIEW_PAGES, default: 'ledger', description: 'the page the views belong to' })
  @IsOptional()
  @IsIn(SAVED_VIEW_PAGES)
  page: SavedViewPage = 'ledger';
}

export class CreateSavedViewDto {
  @ApiPropertyOptional({ enum: SAVED_VIEW_PAGES, default: 'ledger', description: 'the page the view belongs to' })
  @IsOptional()
  @IsIn(SAVED_VIEW_PAGES)
  page: SavedViewPage = 'ledger';

  // Emptiness and length are checked by the service, so a person reads why in Chinese (422).
  @ApiProperty({ example: '本周超期（科技局）', description: 'unique among my views of the page; 1–40 characters after trimming' })
  @IsString()
  name: string;

  @ApiProperty({
    example: 'unitId=0f6a3c2e-1d4b-4a8e-9c61-7b2d5e8f9a01&overdue=true&sort=dueAt:asc',
    description: 'the filters as the page keeps them in its address (a URL query string, with or without the leading ?)',
  })
  @IsString()
  @MaxLength(2000)
  query: string;
}
