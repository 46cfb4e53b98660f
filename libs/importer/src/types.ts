// The normalized plan of the DESIGN.md "Import contract". Field names are the wire format:
// the CLI prints these objects as JSON and the API stores them, so do not rename.

export type Comparator = '>=' | '=' | '<=';
export type Recurrence = 'monthly' | 'quarterly' | 'yearly';

export interface Indicator {
  name: string;
  value: number;
  unit: string;
  comparator: Comparator;
  deadline: string | null;
}

export interface Step {
  code: string;
  text: string;
  deadline: string;
  deadlineText: string | null;
}

export interface Task {
  code: string;
  group: string | null;
  section: string | null;
  title: string;
  content: string;
  goal: string | null;
  deadline: string;
  deadlineText: string | null;
  leadUnits: string[];
  responsibleUnits: string[];
  assistingUnits: string[];
  steps: Step[];
  indicators: Indicator[];
  recurrence: Recurrence | null;
  /** People the document names as the item's leaders (责任领导/分管领导); never units. */
  leaders?: string[];
  /** People named as the item's contacts (责任人/联系人). */
  contacts?: string[];
}

export interface Target {
  code: string;
  text: string;
  indicators: Indicator[];
}

export interface ImportWarning {
  line: number;
  message: string;
  /** The field in doubt (deadline, leadUnits, title, year, …), when the warning is about one. */
  field?: string;
  /** The text the importer read there. */
  text?: string;
}

export interface PlanInfo {
  title: string;
  issuer: string;
  year: number;
  publishedAt: string | null;
  docNumber: string | null;
  periodStart: string;
  periodEnd: string;
}

export interface ParsedPlan {
  plan: PlanInfo;
  targets: Target[];
  tasks: Task[];
  warnings: ImportWarning[];
}

/** A non-empty line of the document with its 1-based line number in the original text. */
export interface Line {
  no: number;
  text: string;
}
