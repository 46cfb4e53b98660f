import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { ImportsService } from './imports.service';

/** The part of a multer file the importer uses. */
interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
@Roles('supervisor')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a plan document and preview it (dry run)',
    description:
      'Accepts .txt (UTF-8/GBK), .html, .docx, .xlsx, .csv up to 10 MB. Returns the import id, the parsed plan ' +
      'summary, warnings, unknown units and — for a revised version of a saved plan — the diff. Nothing is saved ' +
      'to plans or tasks until POST /imports/:id/commit. A document that cannot be read → 422 with code and line/cell.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  preview(@UploadedFile() file: UploadedDocument | undefined, @CurrentUser() user: AuthUser) {
    if (!file) throw new BadRequestException('file: upload the document as multipart/form-data field "file"');
    return this.imports.preview(file, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A previewed or committed import with its parsed plan and diff' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.imports.get(id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Save the previewed plan: plan, tasks, steps and unit assignments in one transaction',
    description: 'The same document again changes nothing (kind "unchanged"); a revision applies its diff.',
  })
  commit(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.imports.commit(id, user);
  }
}
