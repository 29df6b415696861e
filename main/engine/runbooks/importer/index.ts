export { formatExtraction } from './format-extraction';
export { ImportError, MAX_RUNBOOK_BYTES, type ImportErrorCode } from './import-error';
export { importRunbook, type ImportOptions } from './import-runbook';
export { readRunbookFile } from './read-runbook-file';
export type {
  RunbookChecklist,
  RunbookContact,
  RunbookEscalation,
  RunbookProcedure,
  RunbookProcedureKind,
  RunbookStep,
  RunbookExtraction,
  RunbookSeverity,
  RunbookTemplate,
  RunbookTemplateKind,
} from './types';
