import type { ImportErrorCode } from './import-error';
import type { RunbookExtraction } from './types';

/** A runbook to read, sent to the import worker. */
export interface ImportJob {
  id: number;
  text: string;
  fileName?: string;
}

/** The worker's answer: the extraction, or the import error (code null: a fault in the importer itself). */
export type ImportReply =
  /** The worker has its code loaded and begins reading: the deadline counts from here. */
  | { id: number; started: true }
  | { id: number; ok: true; extraction: RunbookExtraction }
  | { id: number; ok: false; code: ImportErrorCode | null; message: string; file: string | null };
