import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { Acts, ApiError, ApiErrors, ApiFileUpload, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { uploadOptions } from '../common/uploads';
import { DirectoryExportQuery } from './directory.dto';
import { DirectoryCommitResponse, DirectoryPreviewResponse } from './directory.response';
import { DirectoryService } from './directory.service';
import { refusalBody } from '../common/http-errors';

const ROWS_ERROR = refusalBody('invalid_rows', '目录文件有 1 处错误，未导入任何内容', { errors: [{ sheet: '用户', row: 5, message: '第 5 行：单位「某市甲区数据局」不存在' }] });

@SignedInApi('directory', 'admin')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Post('imports')
  @ApiOperation({
    summary: 'Upload the organisation directory (.xlsx with sheets 单位/分组/用户, or one table as .csv) and preview it',
    description:
      'Checks every row against the directory and says per row what it creates or changes. Nothing changes until commit; ' +
      'a file with any bad row is refused (422) with every bad row numbered. Units and users the file does not list are kept.',
  })
  @ApiFileUpload('the directory, e.g. 某市单位通讯录.xlsx')
  @ApiCreatedResponse({ type: DirectoryPreviewResponse })
  @ApiErrors(400, 413)
  @ApiError(422, 'Bad rows: errors lists each with its sheet and row number', ROWS_ERROR)
  @UseInterceptors(FileInterceptor('file', uploadOptions({ fileSize: 10 * 1024 * 1024, files: 1 })))
  preview(@UploadedFile() file: { originalname: string; buffer: Buffer } | undefined, @CurrentUser() user: AuthUser) {
    if (!file) throw new BadRequestException('file: upload the directory as multipart/form-data field "file"');
    return this.directory.preview(file, user);
  }

  @Post('imports/:id/commit')
  @Acts('Apply a previewed directory file in one transaction (checked again against the directory as it is now)', DirectoryCommitResponse, [400, 404])
  @ApiError(409, 'Already committed', { statusCode: 409, message: 'directory import d2c3b4a5-f6e7-4d8c-9b0a-1e2f3a4b5c6d is already committed' })
  @ApiError(422, 'The directory changed since the preview and a row no longer fits', ROWS_ERROR)
  commit(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.directory.commit(id, user);
  }

  @Get('export')
  @ApiOperation({ summary: 'The directory in the import format: importing it again changes nothing' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'An attachment: 单位目录.xlsx, or one table as UTF-8 CSV with a BOM', schema: { type: 'string', format: 'binary', description: 'the file' } })
  @ApiErrors(400)
  async export(@Query() q: DirectoryExportQuery, @Res({ passthrough: true }) res: Response) {
    const body = await this.directory.export(q.format, q.sheet);
    const name = q.format === 'xlsx' ? '单位目录.xlsx' : `单位目录-${q.sheet}.csv`;
    res.set({
      'Content-Type': q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="directory.${q.format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    return new StreamableFile(body);
  }
}
