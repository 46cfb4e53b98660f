import { Module } from '@nestjs/common';
import { ExportModule } from './export/export.module';
import { ReportsController } from './reports.controller';
import { ReportCache } from './report-cache';
import { ReportsService } from './reports.service';

@Module({
  imports: [ExportModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportCache],
})
export class ReportsModule {}
