import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE } from '../common/api-docs';
import { SAVED_VIEW_PAGES } from './saved-views.dto';

export class SavedViewResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.reportId }) id: string;
  @ApiProperty({ enum: SAVED_VIEW_PAGES, example: 'ledger' }) page: string;
  @ApiProperty({ example: '本周超期（科技局）' }) name: string;
  @ApiProperty({ example: 'overdue=true&sort=dueAt:asc', description: 'the filters as a URL query string, without the leading ?' }) query: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: string;
}
