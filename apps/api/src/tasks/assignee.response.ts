import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE } from '../common/api-docs';
import { WorkbenchPersonResponse } from './workbench.response';

export class AssigneeResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ type: WorkbenchPersonResponse, nullable: true, description: 'the 承办人 now named; null: the whole unit' }) assignee: WorkbenchPersonResponse | null;
  @ApiProperty({ description: 'the part’s new version', example: 2 }) version: number;
}

export class UnitMemberResponse extends WorkbenchPersonResponse {
  @ApiProperty({ example: 'zhangsan' }) username: string;
  @ApiProperty({ type: [String], example: ['staff'] }) roles: string[];
}
