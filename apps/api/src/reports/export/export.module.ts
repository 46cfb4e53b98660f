import { Module } from '@nestjs/common';
import { ReportExporter } from './report-exporter';

/** CSV and XLSX for every report, from one table definition each. */
@Module({ providers: [ReportExporter], exports: [ReportExporter] })
export class ExportModule {}
