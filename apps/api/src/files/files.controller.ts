import { Body, Controller, Get, Headers, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { showsInline, EVIDENCE_KINDS, EvidenceKind } from '@app/domain';
import { Acts, ApiError, ApiErrors, ApiFileUpload, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { UuidParam } from '../common/params';
import { dispositionFor } from './content-disposition';
import { AttachFilesDto, DownloadQuery } from './files.dto';
import { AttachFilesResultResponse, FileResponse } from './files.response';
import { FilesService } from './files.service';

const REFUSED_EXAMPLE = {
  statusCode: 415,
  error: 'Unsupported Media Type',
  message: '不支持的文件类型：文件内容是Windows 可执行程序（exe）（扩展名 .pdf）。允许的类型：PDF、OFD、Word（doc/docx）、Excel（xls/xlsx）、WPS（wps/et）、图片（jpg/png/heic）、ZIP',
};

@SignedInApi('files')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('files')
  @ApiOperation({
    summary: 'Upload one evidence file (佐证材料); attach it by id to a progress report, submission, comment or plan',
    description:
      'multipart/form-data, field `file`, streamed to storage (never held in memory). Allowed: pdf, ofd, doc/docx, xls/xlsx, ' +
      'wps/et, jpg/jpeg/png/heic, zip, up to UPLOAD_MAX_MB (default 100 MB). The extension declares the type and the bytes ' +
      'must be that type (checked by content; zips and OLE files by the names inside, so a .docx must really be Word). ' +
      'A refused file is 415 and nothing is kept. The new file is unattached: only its uploader sees it, and it is removed ' +
      'after a day unless it is attached by sending its id in `fileIds` of POST /tasks/{id}/progress, /submit, /comments ' +
      'or POST /plans/{id}/files.',
  })
  @ApiFileUpload('the file, e.g. 2027年一季度高新技术企业培育情况.pdf')
  @ApiCreatedResponse({ type: FileResponse, description: 'The stored file, unattached' })
  @ApiErrors(400, 413)
  @ApiError(415, 'The type is not allowed, or the bytes are not what the extension says (message in Chinese names the type)', REFUSED_EXAMPLE)
  upload(@CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.files.upload(user, req);
  }

  @Get('files/:id')
  @Reads('A file’s metadata (visible like the item or plan it belongs to)', FileResponse, [400, 404])
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.files.get(user, id);
  }

  @Get('files/:id/content')
  @ApiOperation({
    summary: 'Download a file',
    description:
      'Visible exactly like the item (or plan) it belongs to: a file of an item the caller cannot see is 404. ' +
      'Content-Disposition carries the name as RFC 5987 filename*=UTF-8\'\'… with an ASCII fallback; images are inline ' +
      '(unless disposition=attachment), everything else an attachment; X-Content-Type-Options: nosniff; ETag is the SHA-256.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as uploaded', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404)
  async content(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() q: DownloadQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | undefined> {
    const { file, body } = await this.files.open(user, id);
    const etag = `"${file.sha256}"`;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', etag);
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
      res.status(304);
      return undefined;
    }
    const image = (EVIDENCE_KINDS as readonly string[]).includes(file.kind) && showsInline(file.kind as EvidenceKind);
    return new StreamableFile(await body(), {
      type: file.mime,
      length: Number(file.size),
      disposition: dispositionFor(file.name, file.id, image && q.disposition !== 'attachment'),
    });
  }

  @Get('tasks/:id/files')
  @Reads('Every file of an item: progress reports, submissions and comments, oldest first', [FileResponse], [400, 404])
  forTask(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.files.forTask(user, id);
  }

  @Get('plans/:id/files')
  @Reads('A plan’s files: its source documents (plan_source, newest last) and attachments', [FileResponse], [400, 404])
  forPlan(@UuidParam('id') id: string) {
    return this.files.forPlan(id);
  }

  @Post('plans/:id/files')
  @Acts('Attach uploaded files to a plan (the plan’s supervisors)', AttachFilesResultResponse, [400, 403, 404, 422])
  attachToPlan(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: AttachFilesDto) {
    return this.files.attachToPlan(user, id, dto.fileIds);
  }
}
