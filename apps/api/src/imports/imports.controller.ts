import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { uploadOptions } from '../common/uploads';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiError, ApiErrors, ApiFileUpload, ApiRefusal, EXAMPLE, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ImportCommitResponse, ImportDetailResponse, ImportOcrPendingResponse, ImportPreviewResponse } from './imports.response';
import { ImportsService } from './imports.service';
import { ImportDraftService } from './import-draft.service';
import { EditImportDto } from './imports.dto';

/** The part of a multer file the importer uses. */
interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

@SignedInApi('imports', 'supervisor')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly drafts: ImportDraftService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a plan document and preview it (dry run)',
    description:
      'Accepts .txt (UTF-8/GBK), .html, .docx, .xlsx, .csv, .pdf and .ofd up to 10 MB (the type is read from the bytes). ' +
      'Returns the import id, the parsed plan summary, warnings, unknown units and — for a revised version of a saved ' +
      'plan — the diff. Nothing is saved to plans or tasks until POST /imports/:id/commit. A document that cannot be ' +
      'read → 422 with code and line/cell. A scan (a PDF with pages without text, or a JPG/PNG/TIFF) → 202 with ' +
      'status ocr_pending: the worker reads it with OCR; GET /imports/:id shows pages done of pages to read, then the preview.',
  })
  @ApiFileUpload('the plan document, e.g. 武汉市2025年科技创新工作要点.docx')
  @ApiCreatedResponse({ type: ImportPreviewResponse, description: 'The preview; nothing is saved to plans or tasks yet' })
  @ApiAcceptedResponse({ type: ImportOcrPendingResponse, description: 'A scan, queued for OCR in the worker' })
  @ApiErrors(400, 413)
  @ApiRefusal('The document cannot be read: code names the problem, line or cell where it is', 'no_tasks', '未找到责任事项表格或编号条目', { line: null, cell: null })
  @UseInterceptors(FileInterceptor('file', uploadOptions({ fileSize: MAX_UPLOAD_BYTES, files: 1 })))
  async preview(@UploadedFile() file: UploadedDocument | undefined, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    if (!file) throw new BadRequestException('file: upload the document as multipart/form-data field "file"');
    const out = await this.imports.preview(file, user);
    if ('status' in out) res.status(202);
    return out;
  }

  @Get(':id')
  @Reads('A previewed or committed import: the plan as read, the corrected draft, the corrections and the unknown units with proposals', ImportDetailResponse, [400, 404])
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.drafts.detail(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Correct the preview before commit: map or create units, fix titles, deadlines and units, drop or merge items',
    description:
      'The edits apply in order, all or none, to the draft of the given version. A unit name mapped by hand becomes an alias ' +
      'of that unit on commit (scoped to the issuer for names such as 区发改局), so the next import resolves it. Only the ' +
      'uploader corrects a preview (403 for anyone else).',
  })
  @ApiOkResponse({ type: ImportDetailResponse, description: 'The import with the corrected draft and its new version' })
  @ApiErrors(400, 404)
  @ApiError(409, 'The version is stale (currentVersion) or the import was already committed', { statusCode: 409, message: `import ${EXAMPLE.importId} was corrected by someone else: reload and retry`, currentVersion: 3 })
  @ApiRefusal('A correction is not valid: message names the item and field in Chinese', 'invalid_correction', '事项 3 的完成时限「九月中下」无法识别（可写 2025-09-30、9月底前、三季度、年底前）', { item: '3', field: 'deadline' })
  edit(@Param('id', ParseUUIDPipe) id: string, @Body() dto: EditImportDto, @CurrentUser() user: AuthUser) {
    return this.drafts.edit(id, dto, user);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Save the previewed plan: plan, tasks, steps and unit assignments in one transaction',
    description:
      'Only the uploader commits an import. The same document again changes nothing (kind "unchanged"); a revision applies ' +
      'its diff and needs a supervisor of that plan (or an admin). A new plan makes its uploader its supervisor; nothing else adds a supervisor.',
  })
  @ApiOkResponse({ type: ImportCommitResponse, description: 'The saved plan and what changed' })
  @ApiErrors(400, 404)
  @ApiError(403, 'Not the uploader of this import, or a revision of a plan the caller does not supervise (admins may revise any plan)', {
    statusCode: 403,
    error: 'Forbidden',
    message: 'only a supervisor of the plan (or an admin) applies a revised document to it',
  })
  @ApiError(409, 'The import was already committed', { statusCode: 409, error: 'Conflict', message: `import ${EXAMPLE.importId} is already committed` })
  commit(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.imports.commit(id, user);
  }
}
