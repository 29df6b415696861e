export { formatExtraction } from './format-extraction';
export { ImportError, MAX_RUNBOOK_BYTES, type ImportErrorCode } from './import-error';
export { importRunbook, type ImportOptions } from './import-runbook';
export { IMPORT_DEADLINE_MS, importRunbookAsync, type AsyncImportOptions } from './import-runbook-async';
export { readRunbookFile } from './read-runbook-file';
export type {
  RunbookChecklist,
  RunbookChoice,
  RunbookContact,
  RunbookEscalation,
  RunbookMonitorSuggestion,
  RunbookProcedure,
  RunbookProcedureKind,
  RunbookStep,
  RunbookStepKind,
  RunbookExtraction,
  RunbookSeverity,
  RunbookTemplate,
  RunbookTemplateKind,
} from './types';
