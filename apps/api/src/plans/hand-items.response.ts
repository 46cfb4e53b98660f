import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE } from '../common/api-docs';

export class ItemRemovalResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ enum: ['deleted', 'cancelled'], description: 'deleted: nobody had worked on it; cancelled (撤销, with the reason): it had progress', example: 'cancelled' })
  outcome: 'deleted' | 'cancelled';
  @ApiProperty({ type: String, nullable: true, description: 'the item’s status after a cancel; null when deleted', example: 'cancelled' }) status: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the item’s version after a cancel; null when deleted', example: 4 }) version: number | null;
}
