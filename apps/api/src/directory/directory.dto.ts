import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class DirectoryExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx', description: 'xlsx: the sheets 单位, 分组 and 用户 in one workbook; csv: one table (sheet)', example: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format: 'xlsx' | 'csv' = 'xlsx';

  @ApiPropertyOptional({ enum: ['units', 'groups', 'users'], default: 'units', description: 'csv only: which table', example: 'users' })
  @IsOptional()
  @IsIn(['units', 'groups', 'users'])
  sheet: 'units' | 'groups' | 'users' = 'units';
}
