import type Database from 'better-sqlite3';

// A host added in the app rather than in ~/.ssh/config. No password field:
// authentication is by ssh-agent or key file only.
export interface AppHost {
  alias: string;
  hostName: string;
  user: string | null;
  port: number | null;
  identityFile: string | null;
  proxyJump: string | null;
}

interface HostRow {
  alias: string;
  host_name: string;
  user: string | null;
  port: number | null;
  identity_file: string | null;
  proxy_jump: string | null;
}

export class HostStore {
  constructor(private readonly db: Database.Database) {}

  list(): AppHost[] {
    return (this.db.prepare('SELECT * FROM ssh_hosts ORDER BY alias').all() as HostRow[]).map((r) => ({
      alias: r.alias,
      hostName: r.host_name,
      user: r.user,
      port: r.port,
      identityFile: r.identity_file,
      proxyJump: r.proxy_jump,
    }));
  }

  has(alias: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM ssh_hosts WHERE alias = ?').get(alias);
  }

  add(host: AppHost, actor: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO ssh_hosts(alias, host_name, user, port, identity_file, proxy_jump, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(host.alias, host.hostName, host.user, host.port, host.identityFile, host.proxyJump, at, actor);
  }

  remove(alias: string): boolean {
    return this.db.prepare('DELETE FROM ssh_hosts WHERE alias = ?').run(alias).changes > 0;
  }
}
