import { InitialSchema1732150000000 } from './1732150000000-initial-schema';
import { ReminderDelivery1732160000000 } from './1732160000000-reminder-delivery';
import { CalendarFeeds1732170000000 } from './1732170000000-calendar-feeds';
import { DigestOnce1732180000000 } from './1732180000000-digest-once';
import { ReportIndexes1732190000000 } from './1732190000000-report-indexes';
import { AuditTruncateGuard1732200000000 } from './1732200000000-audit-truncate-guard';
import { ImportCorrectionsDirectory1733400000000 } from './1733400000000-import-corrections-directory';
import { Files1733200000000 } from './1733200000000-files';
import { WorkCalendar1733000000000 } from './1733000000000-work-calendar';
import { SessionRevocation1733100000000 } from './1733100000000-session-revocation';
import { HandItemsAssignees1733300000000 } from './1733300000000-hand-items-assignees';
import { PendingExtensionsIndex1733800000000 } from './1733800000000-pending-extensions-index';
import { OcrImports1733600000000 } from './1733600000000-ocr-imports';
import { ReportCounts1734000000000 } from './1734000000000-report-counts';
import { ManualUrges1734200000000 } from './1734200000000-manual-urges';
import { SavedViewsGroupsQuiet1734300000000 } from './1734300000000-saved-views-groups-quiet';
import { PeopleReportIndex1736200000000 } from './1736200000000-people-report-index';
import { ReportAckCounts1736210000000 } from './1736210000000-report-ack-counts';
import { ReportTrendCounts1736220000000 } from './1736220000000-report-trend-counts';
import { SummaryWorkingIndex1736300000000 } from './1736300000000-summary-working-index';
import { AppraisalIndexes1736310000000 } from './1736310000000-appraisal-indexes';
import { ReportUnitClasses1736320000000 } from './1736320000000-report-unit-classes';
import { TaskListIndexes1736400000000 } from './1736400000000-task-list-indexes';
import { ReportBehindCounts1736410000000 } from './1736410000000-report-behind-counts';
import { ReportIndicatorTargets1736500000000 } from './1736500000000-report-indicator-targets';
import { ReportAckDueTime1736510000000 } from './1736510000000-report-ack-due-time';
import { ReportDueDays1736600000000 } from './1736600000000-report-due-days';
import { ReportNoticeCounts1736610000000 } from './1736610000000-report-notice-counts';
import { AssignmentsUnitTaskIndex1736620000000 } from './1736620000000-assignments-unit-task-index';
import { ReportAppraisalDays1736630000000 } from './1736630000000-report-appraisal-days';
import { ReportUnitDays1736650000000 } from './1736650000000-report-unit-days';
import { ReportLateAcks1736660000000 } from './1736660000000-report-late-acks';
import { TasksOverduePageIndex1736670000000 } from './1736670000000-tasks-overdue-page-index';
import { ReportUnitRollup1736680000000 } from './1736680000000-report-unit-rollup';

/** In order. Listed explicitly so a bundled build cannot miss one. */
export const MIGRATIONS = [
  InitialSchema1732150000000,
  ReminderDelivery1732160000000,
  CalendarFeeds1732170000000,
  DigestOnce1732180000000,
  ReportIndexes1732190000000,
  AuditTruncateGuard1732200000000,
  ImportCorrectionsDirectory1733400000000,
  Files1733200000000,
  WorkCalendar1733000000000,
  SessionRevocation1733100000000,
  HandItemsAssignees1733300000000,
  PendingExtensionsIndex1733800000000,
  OcrImports1733600000000,
  ReportCounts1734000000000,
  ManualUrges1734200000000,
  SavedViewsGroupsQuiet1734300000000,
  PeopleReportIndex1736200000000,
  ReportAckCounts1736210000000,
  ReportTrendCounts1736220000000,
  SummaryWorkingIndex1736300000000,
  AppraisalIndexes1736310000000,
  ReportUnitClasses1736320000000,
  TaskListIndexes1736400000000,
  ReportBehindCounts1736410000000,
  ReportIndicatorTargets1736500000000,
  ReportAckDueTime1736510000000,
  ReportDueDays1736600000000,
  ReportNoticeCounts1736610000000,
  AssignmentsUnitTaskIndex1736620000000,
  ReportAppraisalDays1736630000000,
  ReportUnitDays1736650000000,
  ReportLateAcks1736660000000,
  TasksOverduePageIndex1736670000000,
  ReportUnitRollup1736680000000,
];
