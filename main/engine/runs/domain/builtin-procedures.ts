import { databaseLocked, diskFull, highMemory, serviceUnavailable, sslCertificate } from './builtin-diagnostics';
import { databaseRestore, quickRollback } from './builtin-recovery';
import type { Procedure } from './procedure-types';
import { defineProcedure } from './procedure-validation';

// Validated like any user-supplied procedure, so a mistake here fails the
// first test that loads them rather than a run at 3 a.m.
export function builtinProcedures(): Procedure[] {
  return [serviceUnavailable, diskFull, highMemory, databaseLocked, sslCertificate, quickRollback, databaseRestore].map(
    (raw) => defineProcedure(raw, 'built-in procedure'),
  );
}

export function findProcedure(procedures: readonly Procedure[], id: string): Procedure | undefined {
  return procedures.find((p) => p.id === id);
}
