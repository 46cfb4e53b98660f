import { ApiProperty } from '@nestjs/swagger';
import { FILE_ATTACHMENTS } from '@app/persistence';
import { EXAMPLE } from '../common/api-docs';

export const EXAMPLE_FILE_ID = '8c7b6a59-4d3e-4f21-9a0b-1c2d3e4f5a6b';

export class FileUploaderResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'display name', example: '张明' }) name: string | null;
}

export class FileAttachmentResponse {
  @ApiProperty({
    enum: FILE_ATTACHMENTS,
    description: 'progress (进展报告), submission (申请办结), comment, plan (plan attachment), plan_source (the plan’s source document)',
    example: 'progress',
  })
  kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the item', example: EXAMPLE.taskId }) taskId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the plan (plan and plan_source files)', example: null }) planId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the progress report (kind progress)', example: EXAMPLE.reportId }) progressReportId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the comment (kind comment)', example: null }) commentId: string | null;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) at: string;
}

export class FileResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_FILE_ID }) id: string;
  @ApiProperty({ description: 'the file name as uploaded', example: '2027年一季度高新技术企业培育情况.pdf' }) name: string;
  @ApiProperty({ description: 'bytes', example: 482113 }) size: number;
  @ApiProperty({ description: 'the checked type: pdf, ofd, doc, docx, xls, xlsx, wps, et, jpg, png, heic, zip (plan sources also txt, html, csv)', example: 'pdf' })
  type: string;
  @ApiProperty({ description: 'the type in words (Chinese), for display', example: 'PDF 文档' }) typeLabel: string;
  @ApiProperty({ description: 'the Content-Type of a download', example: 'application/pdf' }) mime: string;
  @ApiProperty({ description: 'SHA-256 of the stored bytes, hex', example: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' }) sha256: string;
  @ApiProperty({ type: FileUploaderResponse, nullable: true, description: 'null when the account was deleted' }) uploadedBy: FileUploaderResponse | null;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) uploadedAt: string;
  @ApiProperty({ type: FileAttachmentResponse, nullable: true, description: 'what the file is evidence for; null while unattached (only the uploader sees it then, and it is removed after a day)' })
  attachedTo: FileAttachmentResponse | null;
  @ApiProperty({ description: 'GET it with the same bearer token; images are shown inline, other files downloaded', example: `/files/${EXAMPLE_FILE_ID}/content` })
  downloadUrl: string;
}

export class AttachFilesResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ type: [FileResponse] }) files: FileResponse[];
}
