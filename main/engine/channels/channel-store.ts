import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Channel, ChannelInput } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SecretStore } from '../secrets/secret-store';
import type { ChannelKind } from './kinds/channel-kind';
import { kindOf } from './kinds/index';

// The name is kept from when only webhooks existed, so their stored URLs stay where they were.
const secretName = (id: number, field: string) => `update-channel:${id}:${field}`;

interface ChannelRow {
  id: number;
  name: string;
  kind: string;
  config: string;
}

export interface LoadedChannel {
  id: number;
  name: string;
  kind: ChannelKind<unknown>;
  config: unknown;
}

function fieldIssues(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: `${prefix}${issue.path.map(String).join('.')}`, message: issue.message }));
}

/** Channels and their sealed secrets: the table keeps the name, kind and settings; keys live in the secret store. */
export class ChannelStore {
  constructor(
    private readonly db: Database.Database,
    private readonly secrets: SecretStore,
    private readonly now: () => number,
  ) {}

  list(): Channel[] {
    return (this.db.prepare('SELECT id, name, kind, config FROM channels ORDER BY name').all() as ChannelRow[]).map((row) => this.shown(row));
  }

  get(id: number): Channel {
    return this.shown(this.row(id));
  }

  /** The channel with its checked settings, for sending; a channel whose kind is gone says so. */
  load(id: number): LoadedChannel {
    const row = this.row(id);
    const kind = kindOf(row.kind);
    if (!kind) throw new RpcFailure('bad_request', `Channel '${row.name}' is of kind '${row.kind}', which this version of Trayage does not know; delete it or update Trayage.`);
    const parsed = kind.config.safeParse(JSON.parse(row.config));
    if (!parsed.success) {
      const issue = fieldIssues(parsed.error)[0];
      throw new RpcFailure('bad_request', `Channel '${row.name}' has settings this version cannot use (${issue.path || 'settings'}: ${issue.message}); edit it in Settings → Channels.`);
    }
    return { id: row.id, name: row.name, kind, config: parsed.data };
  }

  secretsOf(id: number, kind: ChannelKind<unknown>): Record<string, string> {
    const values: Record<string, string> = {};
    for (const field of kind.secretFields) {
      const value = this.secrets.get(secretName(id, field));
      if (value !== null) values[field] = value;
    }
    return values;
  }

  save(input: ChannelInput): Channel {
    const kind = kindOf(input.kind);
    if (!kind) throw new RpcFailure('bad_request', `There is no channel kind '${input.kind}'.`, [{ path: 'kind', message: 'is not a known kind' }]);
    const { id: givenId, name, kind: _kind, ...fields } = input as ChannelInput & Record<string, unknown>;
    const secretValues: Record<string, string> = {};
    const settings: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (kind.secretFields.includes(field)) {
        if (typeof value === 'string' && value !== '') secretValues[field] = value;
      } else if (value !== undefined) settings[field] = value;
    }
    const parsed = kind.config.safeParse(settings);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      throw new RpcFailure('bad_request', `Channel '${name}': ${issues.map((i) => `${i.path || 'settings'} ${i.message}`).join('; ')}.`, issues);
    }
    return this.db.transaction(() => {
      let id = givenId;
      const clash = this.db.prepare('SELECT id FROM channels WHERE name = ?').get(name) as { id: number } | undefined;
      if (clash && clash.id !== id) throw new RpcFailure('conflict', `There is already a channel named '${name}'.`, [{ path: 'name', message: 'is taken' }]);
      if (id === undefined) {
        // A URL is where the message goes: without it the channel cannot work at all.
        if (kind.secretFields.includes('url') && !secretValues.url) {
          throw new RpcFailure('bad_request', `A new ${kind.label} channel needs its URL.`, [{ path: 'url', message: 'is required' }]);
        }
        id = Number(this.db.prepare('INSERT INTO channels(name, kind, config, created_at) VALUES (?, ?, ?, ?)').run(name, kind.kind, JSON.stringify(parsed.data), this.now()).lastInsertRowid);
      } else {
        const before = this.row(id);
        if (before.kind !== kind.kind) throw new RpcFailure('bad_request', `Channel '${before.name}' is a ${before.kind} channel; make a new channel for another kind.`, [{ path: 'kind', message: 'cannot change' }]);
        this.db.prepare('UPDATE channels SET name = ?, config = ? WHERE id = ?').run(name, JSON.stringify(parsed.data), id);
      }
      for (const [field, value] of Object.entries(secretValues)) this.secrets.set(secretName(id, field), value);
      return this.get(id);
    })();
  }

  delete(id: number): boolean {
    const row = this.db.prepare('SELECT kind FROM channels WHERE id = ?').get(id) as { kind: string } | undefined;
    if (!row) return false;
    for (const field of kindOf(row.kind)?.secretFields ?? ['url']) this.secrets.delete(secretName(id, field));
    return this.db.prepare('DELETE FROM channels WHERE id = ?').run(id).changes > 0;
  }

  private row(id: number): ChannelRow {
    const row = this.db.prepare('SELECT id, name, kind, config FROM channels WHERE id = ?').get(id) as ChannelRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no channel #${id}; it may have been deleted. Choose another in Settings → Channels.`);
    return row;
  }

  private shown(row: ChannelRow): Channel {
    const fields = kindOf(row.kind)?.secretFields ?? [];
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      settings: JSON.parse(row.config) as Record<string, unknown>,
      secretsSet: fields.filter((field) => this.secrets.has(secretName(row.id, field))),
    };
  }
}
