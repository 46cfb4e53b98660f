import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from '@app/domain';
import { PageQuery } from '../common/pagination';

export class UserQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'kjj_staff' }) @IsString() @Matches(/^[\w.@-]{3,64}$/, { message: 'username must be 3–64 letters, digits, _ . @ -' }) username: string;
  @ApiProperty({ example: '张三' }) @IsString() @IsNotEmpty() @MaxLength(100) displayName: string;
  @ApiPropertyOptional({ example: 'zhangsan@example.gov.cn' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: '13800000001' }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiProperty({ example: 'a-long-password', minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['staff'] }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true }) roles: Role[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dailyDigest?: boolean;
}

export class UpdateUserDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) displayName?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '13800000001' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(50) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) @MaxLength(200) password?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() unitId?: string | null;
  @ApiPropertyOptional({ enum: ROLES, isArray: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true }) roles?: Role[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dailyDigest?: boolean;
}
