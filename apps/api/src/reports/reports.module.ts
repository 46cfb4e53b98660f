import { Module } from '@nestjs/common';
import { ExportModule } from './export/export.module';
import { ReportsController } from './reports.controller';
import { ReportCache } from './report-cache';
import { ReportsService } from './reports.service';
import { LightPolicy } from '../tasks/light-policy';

@Module({
  imports: [ExportModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportCache, LightPolicy],
})
export class ReportsModule {}
