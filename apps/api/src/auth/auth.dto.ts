import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'supervisor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'duban-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'the refresh token of the last pair (used once)', example: 'dbr_Jx3kQ9vT2mW8sL5nC1pR7yH4aZ6bF0dG' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer …`', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhMWIyYzNkNCJ9.sig' }) accessToken: string;
  @ApiProperty({ description: 'rotating refresh token for POST /auth/refresh; a reused one revokes the login', example: 'dbr_Jx3kQ9vT2mW8sL5nC1pR7yH4aZ6bF0dG' }) refreshToken: string;
  @ApiProperty({ description: 'seconds until the access token expires', example: 900 }) expiresIn: number;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'weekly report export' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ['read'], default: 'read', description: 'API tokens are read-only: for reporting integrations' })
  @IsOptional()
  @IsIn(['read'])
  scope?: 'read';

  @ApiProperty({ required: false, minimum: 1, maximum: 3650, description: 'days until the token stops working; omitted: until revoked', example: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'duban-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 8, example: 'a-new-long-password' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  newPassword: string;
}
