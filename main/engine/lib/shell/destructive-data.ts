// Destructive rules for stored data: version control, databases and their migrations, queues,
// caches and key-value stores.
import { classifyDatabaseClient } from './database-clients';
import { forced, valueOf, type DestructiveRule } from './destructive-rule';
import type { Invocation } from './invocation';
import type { CommandInput } from './command-input';
import { classifySql } from './sql';

/** The text a client runs: its `-e`/`--eval` option, else what it reads on its input. */
function scriptText(inv: Invocation, input: CommandInput, ...options: string[]): string | null {
  return valueOf(inv, ...options) ?? input.text;
}

/** mongo shell calls that drop collections or databases, or delete every document (`deleteMany({})`). */
const MONGO_DELETING = /\.(dropDatabase|drop|dropIndexes|dropAllUsers)\s*\(|\.(deleteMany|remove)\s*\(\s*(\{\s*\})?\s*\)/;

/** Rails and rake tasks that roll the schema back, or delete the database or its rows. */
const RAILS_ROLLBACK = /^db:(rollback|migrate:down|migrate:redo)$/;
const RAILS_DELETING = /^db:(drop|reset|purge|truncate_all|schema:load|seed:replant|setup)(:\w+)?$/;

export const DATA_RULES: readonly DestructiveRule[] = [
  {
    command: 'git push',
    when: (inv) => inv.has('-f', '--force', '--force-with-lease', '--mirror') || inv.rest.some((r) => r.startsWith('+')),
    reason: '`git push --force` rewrites history on the remote',
  },
  { command: 'git push', when: (inv) => inv.has('-d', '--delete') || inv.rest.some((r) => r.startsWith(':')), reason: '`git push --delete` deletes a branch or tag on the remote' },
  { command: 'git reset', when: (inv) => inv.has('--hard', '--merge', '--keep'), reason: '`git reset --hard` discards uncommitted changes' },
  { command: 'git clean', when: forced, reason: '`git clean -f` deletes untracked files' },
  { command: ['git checkout', 'git switch'], when: (inv) => forced(inv) || inv.has('--discard-changes') || inv.args.includes('--') || inv.rest.includes('.'), reason: '`git checkout -f`/`-- file` discards uncommitted changes' },
  { command: 'git restore', when: (inv) => !inv.has('-S', '--staged') || inv.has('-W', '--worktree'), reason: '`git restore` discards uncommitted changes' },
  { command: 'git branch', when: (inv) => inv.has('-D') || (inv.has('-d', '--delete') && forced(inv)), reason: '`git branch -D` deletes a branch' },
  { command: ['git stash drop', 'git stash clear'], reason: '`git stash drop`/`clear` deletes stashed changes' },

  // Databases: dropping, restoring, and what SQL or Redis commands would delete.
  { command: ['dropdb', 'dropuser', 'pg_dropcluster'], reason: '`{program}` deletes a database, role or cluster' },
  { command: 'pg_restore', reason: '`pg_restore` writes into an existing database' },
  { command: ['mysqladmin drop', 'mysqladmin shutdown', 'mysqladmin kill'], reason: '`mysqladmin drop`/`shutdown`/`kill` deletes a database, stops the server or ends connections' },
  {
    command: ['psql', 'mysql', 'sqlite3', 'clickhouse-client', 'redis-cli'],
    reasons: (inv, input) => classifyDatabaseClient(inv, input)?.destructive ?? [],
  },
  // CQL reads like SQL where it deletes: DROP, TRUNCATE, DELETE.
  { command: 'cqlsh', reasons: (inv, input) => classifySql(scriptText(inv, input, '-e', '--execute') ?? '').destructive },
  { command: ['mongosh', 'mongo'], when: (inv, input) => MONGO_DELETING.test(scriptText(inv, input, '--eval') ?? ''), reason: '`{program}` drops a collection or database, or deletes every document' },
  { command: 'mongorestore', when: (inv) => inv.has('--drop'), reason: '`mongorestore --drop` drops each collection before restoring it' },

  // Migrations: rolling the schema back, or emptying the database.
  { command: ['rake', 'rails'], when: (inv) => inv.operands.some((o) => RAILS_ROLLBACK.test(o)), reason: '`{program} db:rollback` rolls the database schema back' },
  { command: ['rake', 'rails'], when: (inv) => inv.operands.some((o) => RAILS_DELETING.test(o)), reason: '`{program} db:drop`/`db:reset` deletes the database or its data' },
  { command: 'alembic downgrade', reason: '`alembic downgrade` rolls the database schema back' },
  { command: 'flyway clean', reason: '`flyway clean` drops every object in the schemas' },
  { command: 'flyway undo', reason: '`flyway undo` rolls the last migration back' },
  { command: ['knex migrate:rollback', 'knex migrate:down'], reason: '`knex migrate:rollback` rolls migrations back' },
  {
    command: ['sequelize', 'sequelize-cli'],
    when: (inv) => inv.operands.some((o) => /^db:(migrate:undo|seed:undo|drop)(:all)?$/.test(o)),
    reason: '`{program} db:migrate:undo` rolls migrations back or deletes data',
  },
  { command: 'prisma migrate reset', reason: '`prisma migrate reset` drops the database and recreates it' },
  { command: 'prisma db push', when: (inv) => inv.has('--force-reset', '--accept-data-loss'), reason: '`prisma db push --force-reset` deletes the data to apply the schema' },
  {
    command: ['python', 'python3', 'django-admin'],
    when: (inv) => {
      const [script, task, ...rest] = inv.kind === 'django-admin' ? ['', ...inv.operands] : inv.operands;
      return (inv.kind === 'django-admin' || /(^|\/)manage\.py$/.test(script ?? '')) && (/^(flush|reset_db)$/.test(task ?? '') || (task === 'migrate' && rest.includes('zero')));
    },
    reason: '`manage.py flush`/`migrate … zero` deletes every row or rolls every migration back',
  },

  // Queues, caches and key-value stores.
  {
    command: ['rabbitmqctl purge_queue', 'rabbitmqctl delete_queue', 'rabbitmqctl delete_vhost', 'rabbitmqctl reset', 'rabbitmqctl force_reset', 'rabbitmqctl forget_cluster_node'],
    reason: '`rabbitmqctl purge_queue`/`reset` deletes queued messages or the node\'s data',
  },
  { command: ['rabbitmqctl stop', 'rabbitmqctl stop_app', 'rabbitmqctl shutdown'], reason: '`rabbitmqctl stop` stops the broker' },
  {
    command: ['kafka-topics', 'kafka-topics.sh', 'kafka-consumer-groups', 'kafka-consumer-groups.sh'],
    when: (inv) => inv.has('--delete'),
    reason: '`{program} --delete` deletes topics or consumer groups',
  },
  { command: ['kafka-delete-records', 'kafka-delete-records.sh'], reason: '`{program}` deletes records from topics' },
  // Memcached's and Redis's text protocols, typed into a raw connection.
  { command: ['nc', 'ncat', 'netcat', 'telnet', 'socat'], when: (_inv, input) => /\b(flush_all|flushall|flushdb)\b/i.test(input.text ?? ''), reason: '`flush_all` sent to a cache server deletes every entry' },
  { command: ['etcdctl del', 'etcdctl lease revoke'], reason: '`etcdctl del`/`lease revoke` deletes keys' },
  { command: 'etcdctl member remove', reason: '`etcdctl member remove` takes a member out of the cluster' },
  { command: ['consul kv delete', 'consul snapshot restore'], reason: '`consul kv delete`/`snapshot restore` deletes or overwrites stored keys' },
  { command: 'consul leave', reason: '`consul leave` stops the agent and takes it out of the cluster' },
  { command: ['vault delete', 'vault kv delete', 'vault kv destroy', 'vault kv metadata delete', 'vault secrets disable'], reason: '`vault kv delete`/`destroy` deletes secrets' },
  { command: 'vault operator seal', reason: '`vault operator seal` stops Vault from serving any secret' },
];
