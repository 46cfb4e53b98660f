import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min, ValidateIf } from 'class-validator';

export class AssigneeDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the 承办人: a staff member or head of the unit; null takes the part back to the whole unit' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  userId: string | null;

  @ApiProperty({ example: 1, description: 'the version of the unit’s part (assignments[].version in GET /tasks/:id)' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'the unit whose part it is; default the caller’s unit' }) @IsOptional() @IsUUID() unitId?: string;
}
