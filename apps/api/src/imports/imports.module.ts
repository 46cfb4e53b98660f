import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportDraftService } from './import-draft.service';

@Module({ imports: [FilesModule], controllers: [ImportsController], providers: [ImportsService, ImportDraftService] })
export class ImportsModule {}
