import type { ProcedureInfo } from '../../../preload/contract';

/** What other areas may ask of the runs area. */
export interface RunsPort {
  /** Stores a team procedure (YAML or JSON text); throws a bad_request failure naming the field at fault. */
  saveProcedure(text: string, actor?: string): ProcedureInfo;
}
