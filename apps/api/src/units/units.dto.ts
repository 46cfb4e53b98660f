import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class UnitQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'searches name, code and aliases' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'units named by a document but not yet in the directory' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pending?: boolean;
}

export class ContactDto {
  @ApiPropertyOptional({ example: '李四' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ example: '027-12345678' }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional({ example: 'kjj@example.gov.cn' }) @IsOptional() @IsEmail() email?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'kjj' }) @IsString() @Matches(/^[\w.-]{1,64}$/, { message: 'code must be 1–64 letters, digits, _ . -' }) code: string;
  @ApiProperty({ example: '市科技局' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'department' }) @IsOptional() @IsString() @MaxLength(50) kind?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ type: [String], example: ['科技局'] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) aliases?: string[];
  @ApiPropertyOptional({ type: [ContactDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ContactDto) contacts?: ContactDto[];
}

export class UpdateUnitDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[\w.-]{1,64}$/, { message: 'code must be 1–64 letters, digits, _ . -' }) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) kind?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) aliases?: string[];
  @ApiPropertyOptional({ type: [ContactDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ContactDto) contacts?: ContactDto[];
  @ApiPropertyOptional({ description: 'false: confirm a pending unit into the directory' }) @IsOptional() @IsBoolean() pending?: boolean;
  @ApiPropertyOptional({ description: 'let the unit’s staff, not only its heads, name the 承办人 of its parts (分办)' }) @IsOptional() @IsBoolean() staffMayAssign?: boolean;
}

export class DeleteUnitQuery {
  @ApiProperty({ example: 1 })
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  version: number;
}
