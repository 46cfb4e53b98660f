// Public API of libs/importer. Pure TypeScript: no Nest, no database; the CLI and the API wrap it.
export type {
  Comparator,
  ImportWarning,
  Indicator,
  ParsedPlan,
  PlanInfo,
  Recurrence,
  Step,
  Target,
  Task,
} from './types';
export { ImportError, type ImportErrorCode } from './errors';
export { importDocument, importScan, type ImportSource } from './import-document';
export { scanPageCount, OCR_PACKAGES, type OcrOptions } from './readers/ocr.reader';
export { sniffBinary } from './sniff';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './errors';
export { LOW_CONFIDENCE } from './ocr-flags';
export { parsePlanText, parsePlanSheets, type ParseOptions } from './parse';
export {
  UnitDirectory,
  loadUnitDirectory,
  type UnitDirectoryData,
  type DirectoryUnit,
  type DirectoryGroup,
  type UnitResolution,
} from './unit-directory';
export { contentHash } from './content-hash';
export { diffPlans, type PlanDiff, type TaskChange } from './diff';
export { parseDeadline, type DeadlineContext, type ParsedDeadline } from './deadlines';
export { readDeadlineInput, readRecurrenceInput, type DeadlineInput } from './deadline-input';
export { splitUnits } from './units';
export { extractIndicators } from './indicators';
export {
  applyDraftEdits,
  correctedFields,
  unitNamesOf,
  DraftEditError,
  type DraftEdit,
  type PlanDraft,
  type Correction,
  type CorrectedField,
  type UnitMapping,
} from './draft/plan-draft';
export { closestUnits, aliasScope, aliasKey, type CandidateUnit, type ProposedMatch, type UnitKeyFn } from './draft/unit-proposals';
