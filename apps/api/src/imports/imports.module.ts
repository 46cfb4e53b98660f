import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportDraftService } from './import-draft.service';

@Module({ controllers: [ImportsController], providers: [ImportsService, ImportDraftService] })
export class ImportsModule {}
