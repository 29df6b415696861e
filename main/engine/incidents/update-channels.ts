import type Database from 'better-sqlite3';
import type { UpdateChannel } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SecretStore } from '../secrets/secret-store';

const secretName = (id: number) => `update-channel:${id}:url`;

// Where status updates are posted. The webhook URL is itself a credential, so it lives sealed in
// the secret store; the table keeps only the name and kind.
export class UpdateChannels {
  constructor(
    private readonly db: Database.Database,
    private readonly secrets: SecretStore,
    private readonly now: () => number,
  ) {}

  list(): UpdateChannel[] {
    return this.db.prepare('SELECT id, name, kind FROM update_channels ORDER BY name').all() as UpdateChannel[];
  }

  get(id: number): UpdateChannel {
    const row = this.db.prepare('SELECT id, name, kind FROM update_channels WHERE id = ?').get(id) as UpdateChannel | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no update channel #${id}.`);
    return row;
  }

  url(id: number): string {
    const url = this.secrets.get(secretName(id));
    if (!url) throw new RpcFailure('not_found', `Update channel #${id} has no webhook URL; edit the channel and enter it.`);
    return url;
  }

  save(input: { id?: number; name: string; kind: 'slack' | 'json'; url?: string }): UpdateChannel {
    return this.db.transaction(() => {
      let id = input.id;
      const clash = this.db.prepare('SELECT id FROM update_channels WHERE name = ?').get(input.name) as { id: number } | undefined;
      if (clash && clash.id !== id) throw new RpcFailure('conflict', `There is already a channel named '${input.name}'.`, [{ path: 'name', message: 'is taken' }]);
      if (id === undefined) {
        if (!input.url) throw new RpcFailure('bad_request', 'A new channel needs its webhook URL.', [{ path: 'url', message: 'is required' }]);
        id = Number(this.db.prepare('INSERT INTO update_channels(name, kind, created_at) VALUES (?, ?, ?)').run(input.name, input.kind, this.now()).lastInsertRowid);
      } else {
        this.get(id);
        this.db.prepare('UPDATE update_channels SET name = ?, kind = ? WHERE id = ?').run(input.name, input.kind, id);
      }
      if (input.url) this.secrets.set(secretName(id), input.url);
      return this.get(id);
    })();
  }

  delete(id: number): boolean {
    this.secrets.delete(secretName(id));
    return this.db.prepare('DELETE FROM update_channels WHERE id = ?').run(id).changes > 0;
  }
}
