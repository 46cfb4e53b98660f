import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';

const OPS = ['mapUnit', 'createUnit', 'setTask', 'dropTask', 'mergeTasks'] as const;

const unitList = (description: string) =>
  ApiPropertyOptional({ type: [String], description, example: ['市发改委', '市财政局'] });

/** One correction of a preview; which fields it needs depends on `op`. */
export class DraftEditDto {
  @ApiProperty({
    enum: OPS,
    description:
      'mapUnit (name, unitId): an unknown unit name is this directory unit, remembered as its alias on commit; ' +
      'createUnit (name, unitName?): make it a new unit; setTask (code + any of title, deadline, leadUnits, responsibleUnits, ' +
      'assistingUnits); dropTask (code); mergeTasks (into, codes): the items codes become part of item into',
    example: 'setTask',
  })
  @IsIn(OPS)
  op: (typeof OPS)[number];

  @ApiPropertyOptional({ description: 'mapUnit/createUnit: the unit name as the document writes it', example: '区发改局' })
  @IsOptional() @IsString() @MaxLength(200) name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'mapUnit: the directory unit', example: '0f6a3c2e-1d4b-4a8e-9c61-7b2d5e8f9a01' })
  @IsOptional() @IsUUID() unitId?: string;

  @ApiPropertyOptional({ description: 'createUnit: the new unit\'s name (default: the proposed name)', example: '某市甲区发展和改革局' })
  @IsOptional() @IsString() @MaxLength(200) unitName?: string;

  @ApiPropertyOptional({ description: 'setTask/dropTask: the item code', example: '3' })
  @IsOptional() @IsString() @MaxLength(100) code?: string;

  @ApiPropertyOptional({ description: 'setTask: the corrected title', example: '建设科技创新平台' })
  @IsOptional() @IsString() @MaxLength(500) title?: string;

  @ApiPropertyOptional({ description: 'setTask: an ISO date or a Chinese deadline in the plan\'s year (9月底前, 三季度, 年底前)', example: '9月底前' })
  @IsOptional() @IsString() @MaxLength(50) deadline?: string;

  @unitList('setTask: the lead units (牵头单位)') @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) leadUnits?: string[];
  @unitList('setTask: the responsible units (责任单位)') @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) responsibleUnits?: string[];
  @unitList('setTask: the assisting units (配合单位)') @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) assistingUnits?: string[];

  @ApiPropertyOptional({ description: 'mergeTasks: the item that stays', example: '3' })
  @IsOptional() @IsString() @MaxLength(100) into?: string;

  @ApiPropertyOptional({ type: [String], description: 'mergeTasks: the items merged into it', example: ['4'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) codes?: string[];
}

export class EditImportDto {
  @ApiProperty({ description: 'the version of the preview the corrections were made on (GET /imports/:id)', example: 1 })
  @IsInt() @Min(1) version: number;

  @ApiProperty({ type: [DraftEditDto], description: 'applied in order, all or none' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DraftEditDto)
  edits: DraftEditDto[];
}
