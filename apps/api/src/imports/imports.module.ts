import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [FilesModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
