import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE } from '../common/api-docs';

export class UnitGroupMemberResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) id: string;
  @ApiProperty({ example: '江岸区人民政府' }) name: string;
}

export class UnitGroupResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId2 }) id: string;
  @ApiProperty({ example: '各区人民政府' }) name: string;
  @ApiProperty({ type: [String], description: 'other names documents use for the group', example: ['各区政府'] }) aliases: string[];
  @ApiProperty({ type: [UnitGroupMemberResponse], description: 'the member units, by name' }) members: UnitGroupMemberResponse[];
  @ApiProperty({ description: 'send it back with PATCH / DELETE', example: 1 }) version: number;
}
