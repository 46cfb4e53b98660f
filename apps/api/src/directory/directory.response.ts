import { ApiProperty } from '@nestjs/swagger';

export class DirectoryCountResponse {
  @ApiProperty({ example: 12 }) created: number;
  @ApiProperty({ example: 3 }) updated: number;
  @ApiProperty({ example: 40 }) unchanged: number;
}

export class DirectoryCountsResponse {
  @ApiProperty({ type: DirectoryCountResponse }) units: DirectoryCountResponse;
  @ApiProperty({ type: DirectoryCountResponse }) groups: DirectoryCountResponse;
  @ApiProperty({ type: DirectoryCountResponse }) users: DirectoryCountResponse;
}

export class DirectoryUnitRowResponse {
  @ApiProperty({ description: 'row of the 单位 sheet', example: 5 }) row: number;
  @ApiProperty({ example: '某市甲区发展和改革局' }) name: string;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'], example: 'create' }) action: string;
  @ApiProperty({ type: [String], description: 'fields that change', example: ['aliases', 'parent'] }) changed: string[];
}

export class DirectoryGroupRowResponse {
  @ApiProperty({ example: '各区人民政府' }) name: string;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'], example: 'update' }) action: string;
  @ApiProperty({ type: [String], example: ['members'] }) changed: string[];
}

export class DirectoryUserRowResponse {
  @ApiProperty({ description: 'row of the 用户 sheet', example: 7 }) row: number;
  @ApiProperty({ example: 'jq.fgj.zhang' }) username: string;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'], example: 'unchanged' }) action: string;
  @ApiProperty({ type: [String], example: [] }) changed: string[];
}

export class DirectoryPreviewResponse {
  @ApiProperty({ format: 'uuid', description: 'commit it with POST /directory/imports/{id}/commit', example: 'd2c3b4a5-f6e7-4d8c-9b0a-1e2f3a4b5c6d' }) importId: string;
  @ApiProperty({ example: '某市单位通讯录.xlsx' }) fileName: string;
  @ApiProperty({ type: DirectoryCountsResponse }) counts: DirectoryCountsResponse;
  @ApiProperty({ type: [DirectoryUnitRowResponse] }) units: DirectoryUnitRowResponse[];
  @ApiProperty({ type: [DirectoryGroupRowResponse] }) groups: DirectoryGroupRowResponse[];
  @ApiProperty({ type: [DirectoryUserRowResponse] }) users: DirectoryUserRowResponse[];
}

export class InitialPasswordResponse {
  @ApiProperty({ example: 'jq.fgj.zhang' }) username: string;
  @ApiProperty({ description: 'shown this once; the user changes it after logging in', example: 'q3X9v_2LmT8a' }) password: string;
}

export class DirectoryCommitResponse {
  @ApiProperty({ type: DirectoryCountsResponse }) counts: DirectoryCountsResponse;
  @ApiProperty({ type: [InitialPasswordResponse], description: 'new users whose row had no 初始密码' }) initialPasswords: InitialPasswordResponse[];
}
