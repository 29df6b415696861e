import type Database from 'better-sqlite3';
import type { SourceInput } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SecretStore } from '../secrets/secret-store';
import type { SourceDefinition } from './domain/source-config';
import { sourceKind } from './kinds';

// A source's token reaches its poller through a private environment of its own, never process.env.
export const TOKEN_VAR = 'TRAYAGE_SOURCE_TOKEN';
const secretName = (name: string) => `alert-source:${name}:token`;

export type AppSourceInput = SourceInput;

// Sources added in the app: validated like the config file's, stored without their token.
export class AppSources {
  constructor(
    private readonly db: Database.Database,
    private readonly secrets: SecretStore,
    private readonly now: () => number,
  ) {}

  list(): { def: SourceDefinition; env: NodeJS.ProcessEnv }[] {
    const rows = this.db.prepare('SELECT name, definition FROM alert_sources ORDER BY name').all() as { name: string; definition: string }[];
    return rows.map((r) => {
      const def = JSON.parse(r.definition) as SourceDefinition;
      const token = this.secrets.get(secretName(r.name));
      return { def, env: token ? { ...process.env, [TOKEN_VAR]: token } : process.env };
    });
  }

  save(input: AppSourceInput, fileNames: string[]): SourceDefinition {
    if (fileNames.includes(input.name)) throw new RpcFailure('conflict', `'${input.name}' is defined in the config file; edit it there.`, [{ path: 'name', message: 'is taken by the config file' }]);
    const withToken = !!input.token || this.secrets.has(secretName(input.name));
    const kind = sourceKind(input.kind);
    const pollMs = input.pollSeconds !== undefined ? input.pollSeconds * 1000 : kind.defaultPollMs;
    const def = kind.fromInput(input, { kind: input.kind, name: input.name, pollMs }, withToken ? TOKEN_VAR : undefined);
    this.db
      .prepare('INSERT INTO alert_sources(name, definition, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET definition = excluded.definition')
      .run(def.name, JSON.stringify(def), this.now());
    if (input.token) this.secrets.set(secretName(def.name), input.token);
    return def;
  }

  delete(name: string): boolean {
    this.secrets.delete(secretName(name));
    return this.db.prepare('DELETE FROM alert_sources WHERE name = ?').run(name).changes > 0;
  }
}
