import type Database from 'better-sqlite3';
import type { ProcedureInfo } from '../../../preload/contract';
import { builtinProcedures } from './domain/builtin-procedures';
import type { Procedure } from './domain/procedure-types';
import { capturedParams, defineProcedure, ProcedureDefinitionError } from './domain/procedure-validation';
import { RpcFailure } from '../rpc/rpc-failure';
import { parseBoundedYaml } from '../lib/config/bounded-yaml';
import { asConfigError } from '../lib/config/config-errors';

interface Row {
  id: string;
  source: string;
}

// Built-in procedures plus the team's own, stored as written (YAML or JSON)
// and validated with the same rules as the built-ins before they are kept.
export class ProcedureStore {
  private validatedBuiltins: Procedure[] | undefined;

  constructor(private readonly db: Database.Database) {}

  /**
   * Validated with their first use rather than at start: checking that diagnostics are read-only
   * parses their commands, and loading the shell parser is a tenth of the engine's start.
   */
  private get builtins(): Procedure[] {
    this.validatedBuiltins ??= builtinProcedures();
    return this.validatedBuiltins;
  }

  all(): { procedure: Procedure; source: 'built-in' | 'team'; text: string | null }[] {
    const team = (this.db.prepare('SELECT id, source FROM procedures ORDER BY id').all() as Row[]).flatMap((row) => {
      try {
        return [{ procedure: parseProcedureText(row.source, `stored procedure "${row.id}"`), source: 'team' as const, text: row.source }];
      } catch {
        // Stored before a stricter rule: left out of the list rather than breaking every run.
        return [];
      }
    });
    return [...this.builtins.map((procedure) => ({ procedure, source: 'built-in' as const, text: null })), ...team];
  }

  procedures(): Procedure[] {
    return this.all().map((p) => p.procedure);
  }

  find(id: string): Procedure {
    const found = this.procedures().find((p) => p.id === id);
    if (!found) throw new RpcFailure('not_found', `There is no procedure "${id}"; see the list of procedures for the ids.`);
    return found;
  }

  list(): ProcedureInfo[] {
    return this.all().map(({ procedure, source, text }) => toInfo(procedure, source, text));
  }

  save(text: string, actor: string, at: number): ProcedureInfo {
    let procedure: Procedure;
    try {
      procedure = parseProcedureText(text, 'procedure');
    } catch (err) {
      if (err instanceof ProcedureDefinitionError) {
        throw new RpcFailure('bad_request', err.message, err.problems.map((message) => ({ path: 'text', message })));
      }
      throw err;
    }
    if (this.builtins.some((p) => p.id === procedure.id)) {
      throw new RpcFailure('conflict', `"${procedure.id}" is a built-in procedure; give yours another id (e.g. ${procedure.id}-ours).`, [
        { path: 'text', message: 'id taken by a built-in procedure' },
      ]);
    }
    this.db
      .prepare(
        `INSERT INTO procedures(id, source, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(procedure.id, text, at, actor);
    return toInfo(procedure, 'team', text);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM procedures WHERE id = ?').run(id).changes > 0;
  }
}

// YAML (JSON is valid YAML), parsed within the config file's limits so an alias bomb or deep
// nesting is a problem with the text, not a stuck engine; problems name the line and column.
export function parseProcedureText(text: string, source: string): Procedure {
  let value: unknown;
  try {
    value = parseBoundedYaml(text, source);
  } catch (err) {
    const { issues } = asConfigError(err, source);
    throw new ProcedureDefinitionError(source, issues.map((issue) => `line ${issue.line}, column ${issue.column}: ${issue.message}`));
  }
  return defineProcedure(value, source);
}

function toInfo(procedure: Procedure, source: 'built-in' | 'team', text: string | null): ProcedureInfo {
  const captured = capturedParams(procedure);
  return {
    id: procedure.id,
    title: procedure.title,
    kind: procedure.kind,
    description: procedure.description,
    tags: procedure.tags,
    params: procedure.params.map((p) => ({ ...p, captured: captured.has(p.name) })),
    steps: procedure.steps.map((s) => ({ kind: s.kind, title: s.title })),
    source,
    text,
  };
}
