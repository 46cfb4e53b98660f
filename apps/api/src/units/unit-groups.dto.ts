import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

// Empty and taken names are refused by the service, in Chinese (422); the DTO checks shapes only (400).
export class CreateUnitGroupDto {
  @ApiProperty({ example: '各区人民政府', description: 'the name documents use for the member units together' }) @IsString() @MaxLength(200) name: string;

  @ApiPropertyOptional({ type: [String], example: ['各区政府'], description: 'other names documents use for the group' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'the member units (an import assigns the item to each of them)' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds: string[];
}

/** Only what changes; a list sent replaces the stored one whole. */
export class UpdateUnitGroupDto extends PartialType(CreateUnitGroupDto) {
  @ApiProperty({ example: 1, description: 'the version you read' }) @IsInt() @Min(1) version: number;
}
