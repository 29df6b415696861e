import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../main/engine/lib/shell/classify-command';
import { classifySql } from '../../main/engine/lib/shell/sql';

type Verdict = 'read-only' | 'writes' | 'destructive';

function verdictOf(command: string): Verdict {
  const c = classifyCommand(command);
  return c.destructive ? 'destructive' : c.readOnly ? 'read-only' : 'writes';
}

function sqlVerdict(sql: string): Verdict {
  const v = classifySql(sql);
  return v.destructive.length > 0 ? 'destructive' : v.writes.length > 0 ? 'writes' : 'read-only';
}

// A read-only step runs without a typed confirmation: these must stay read-only, and nothing
// below that changes state may join them.
describe('database commands that only read', () => {
  it.each([
    "psql -c 'SELECT count(*) FROM users'",
    "psql -c '\\dt'",
    "mysql -e 'SHOW PROCESSLIST'",
    "mysql -e 'SHOW PROCESSLIST\\G'",
    'redis-cli INFO',
    'redis-cli GET k',
    "sqlite3 app.db 'SELECT * FROM t LIMIT 5'",
    'psql -c "SELECT now() - pg_postmaster_start_time()"',
    // `#>>` is a PostgreSQL operator, not a comment.
    `psql -c "SELECT data #>> '{a}' FROM t"`,
    "psql -c 'SELECT pg_catalog.now()'",
    'psql -c "SELECT x::numeric(10,2), CAST(y AS varchar(10)) FROM generate_series(1,3) g(i) WHERE z IN (1,2) AND EXISTS (SELECT 1)"',
    `psql -c "SELECT relname, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_catalog.pg_statio_user_tables"`,
    "clickhouse-client -q 'SELECT count() FROM events'",
    // A MySQL optimizer hint is no statement.
    "mysql -e 'SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t'",
    // `#` comments out the rest of the line in MySQL.
    "mysql -e 'SELECT 1 # ; DROP TABLE users'",
    // Nested comments in PostgreSQL: the DROP is inside the outer one.
    'psql -c "/* a /* b */ DROP TABLE users; */ SELECT 1"',
    "psql -c 'SET statement_timeout = 5000'",
    "psql -c 'RESET statement_timeout'",
    "psql -c 'BEGIN; SELECT 1; COMMIT'",
    "mysql -e 'START TRANSACTION'",
    // Locking rows in a WITH query is no UPDATE statement.
    'psql -c "WITH x AS (SELECT 1) SELECT * FROM x FOR UPDATE"',
    "sqlite3 app.db 'PRAGMA table_info(users)'",
    "sqlite3 app.db 'PRAGMA integrity_check'",
    'redis-cli ACL LOG 10',
    // The letters of `-pSECRET` are the password, not options (`-e`).
    "mysql -u root -psecret -e 'SELECT 1'",
  ])('%s', (command) => {
    expect(classifyCommand(command)).toMatchObject({ readOnly: true, reasons: [] });
  });
});

describe('comments follow the client\'s dialect', () => {
  it.each<[string, Verdict]>([
    // PostgreSQL `#`, `#>`, `#>>` and `#-` are operators: what follows is SQL.
    [`psql -c "SELECT payload #>> '{user,id}' FROM events LIMIT 5; DELETE FROM events WHERE created_at < now() - interval '90 days'"`, 'destructive'],
    ['psql -c "SELECT 1 # 2; DROP TABLE users"', 'destructive'],
    ['sqlite3 app.db "SELECT 1 # x; DROP TABLE t"', 'destructive'],
    // In MySQL `--` starts a comment only before a space: `1--1` is arithmetic.
    ["mysql -e 'SELECT 1--1; DROP TABLE users'", 'destructive'],
    // PostgreSQL comments nest: the outer one ends after `SELECT 1;`.
    ['psql -c "/* /* */ SELECT 1; */ DROP TABLE users"', 'destructive'],
    // MySQL runs the text of versioned comments.
    ["mysql -e '/*!50000 DROP TABLE users */'", 'destructive'],
    ["mariadb -e '/*M!100100 DELETE FROM users */'", 'destructive'],
  ])('%s is %s', (command, expected) => {
    expect(verdictOf(command)).toBe(expected);
  });

  it('reads SQL steps of an unknown client in every dialect', () => {
    expect(sqlVerdict("SELECT data #>> '{a}' FROM t")).toBe('read-only');
    expect(sqlVerdict('SELECT 1 # 2; DROP TABLE users')).toBe('destructive');
    expect(sqlVerdict("SELECT 'C:\\'; DROP TABLE users; --'")).toBe('destructive');
  });
});

describe('strings end where the server ends them', () => {
  it.each<[string, Verdict]>([
    // standard_conforming_strings: `'C:\'` ends at its second quote.
    [`psql -c "SELECT 'C:\\'; DROP TABLE users; --'"`, 'destructive'],
    // With NO_BACKSLASH_ESCAPES MySQL ends it there too: either reading may apply.
    [`mysql -e "SELECT 'a\\'; DROP TABLE t; -- '"`, 'destructive'],
    // A dollar-quoted string hides nothing.
    ["psql -c 'SELECT $x$ DROP TABLE t $x$'", 'read-only'],
  ])('%s is %s', (command, expected) => {
    expect(verdictOf(command)).toBe(expected);
  });
});

describe('statements that change the server, not only the session', () => {
  it.each<[string, Verdict]>([
    ["mysql -e 'RESET MASTER'", 'destructive'],
    ["mysql -e 'RESET SLAVE ALL'", 'destructive'],
    ["mysql -e 'RESET REPLICA'", 'destructive'],
    ["mysql -e 'RESET QUERY CACHE'", 'writes'],
    ["mysql -e 'START SLAVE'", 'writes'],
    ["mysql -e 'START REPLICA'", 'writes'],
    ["mysql -e 'STOP SLAVE'", 'destructive'],
    ["mysql -e 'SET @@GLOBAL.read_only = ON'", 'writes'],
    ["mysql -e 'SET SESSION a = 1, GLOBAL max_connections = 500'", 'writes'],
    [`mysql -e "SET PASSWORD FOR 'app'@'%' = 'x'"`, 'writes'],
    ["mysql -e 'PURGE BINARY LOGS BEFORE NOW()'", 'destructive'],
    ["mariadb -e 'BEGIN NOT ATOMIC DELETE FROM t; END'", 'destructive'],
    [`psql -c "ROLLBACK PREPARED 'tx_42'"`, 'destructive'],
    [`psql -c "COMMIT PREPARED 'tx_42'"`, 'writes'],
    ["clickhouse-client -q 'ALTER TABLE events DELETE WHERE ts < now() - 86400'", 'destructive'],
    ['psql -c "COPY (DELETE FROM t RETURNING *) TO STDOUT"', 'destructive'],
    ["sqlite3 app.db 'PRAGMA wal_checkpoint(TRUNCATE)'", 'writes'],
    ["sqlite3 app.db 'PRAGMA optimize'", 'writes'],
  ])('%s is %s', (command, expected) => {
    expect(verdictOf(command)).toBe(expected);
  });
});

describe('functions called from a query', () => {
  it.each<[string, Verdict]>([
    ["psql -c 'SELECT purge_expired_sessions()'", 'writes'],
    ['psql -c \'SELECT "pg_terminate_backend"(12345)\'', 'writes'],
    ["psql -c 'SELECT public.count(x) FROM t'", 'writes'],
    ["psql -c 'SELECT pg_catalog.pg_cancel_backend(1)'", 'writes'],
    [`psql -c "SELECT pg_replication_slot_advance('s', '0/0')"`, 'writes'],
    [`psql -c "SELECT lo_export(1, '/tmp/x')"`, 'writes'],
    [`psql -c "SELECT set_config('a', 'b', false)"`, 'writes'],
    [`sqlite3 app.db "SELECT writefile('x', 'y')"`, 'writes'],
    [`sqlite3 app.db "SELECT load_extension('x')"`, 'writes'],
    [`psql -c "SELECT 1 FROM t WHERE id IN (SELECT purge(id) FROM u)"`, 'writes'],
    [`mysql -e "SET @x = (SELECT purge())"`, 'writes'],
    // dblink runs its SQL text on a server.
    [`psql -c "SELECT * FROM dblink('dbname=prod', 'DROP TABLE users') AS t(x text)"`, 'destructive'],
  ])('%s is %s', (command, expected) => {
    expect(verdictOf(command)).toBe(expected);
  });
});

describe('client options and commands that run other SQL, shell commands or write files', () => {
  it.each<[string, Verdict]>([
    ["mysql --init-command='DROP TABLE users' -e 'SELECT 1'", 'destructive'],
    ["mysql --tee=/tmp/out.log -e 'SELECT 1'", 'writes'],
    ["sqlite3 -init /tmp/fix.sql app.db 'SELECT 1'", 'writes'],
    ['psql -f file.sql', 'writes'],
    ['mysql < file.sql', 'writes'],
    ["psql <<'SQL'\n\\i evil.sql\nSQL", 'writes'],
    ["psql <<'SQL'\n\\ir evil.sql\nSQL", 'writes'],
    ["psql -c '\\! rm -rf /var/lib/postgresql/backup'", 'writes'],
    ["psql <<'SQL'\nSELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec\nSQL", 'destructive'],
    [`psql -c "\\copy users from '/tmp/u.csv'"`, 'writes'],
    ["psql <<'SQL'\n\\o /tmp/out.txt\nSELECT 1;\nSQL", 'writes'],
    ["psql <<'SQL'\nSELECT 1\n\\w /tmp/q.sql\nSQL", 'writes'],
    // psql runs backquoted text in any command's arguments.
    ["psql <<'SQL'\n\\echo `rm -rf /tmp/x`\nSQL", 'writes'],
    ["psql -c '\\echo `date`'", 'writes'],
    // A psql variable is pasted into the SQL when it runs: `SELECT :cols` may run a DROP.
    ["psql <<'SQL'\n\\set cols '1; DROP TABLE users'\nSELECT :cols;\nSQL", 'writes'],
    // `\;` separates statements in one query.
    ['psql -c "SELECT 1 \\; DROP TABLE t"', 'destructive'],
    ['mysql -e "SELECT 1; \\! rm -rf /"', 'writes'],
    ["mysql -e '\\. /tmp/fix.sql'", 'writes'],
    ["sqlite3 app.db '.shell rm -rf /'", 'writes'],
  ])('%s is %s', (command, expected) => {
    expect(verdictOf(command)).toBe(expected);
  });
});

describe('SQL the shell fills in is not known', () => {
  it.each([
    'psql -c "SELECT $(cat /tmp/q.sql)"',
    'psql -c "SELECT * FROM $TABLE"',
    'psql -c "$QUERY"',
    'psql <<EOF\nSELECT $COLUMNS FROM t;\nEOF',
  ])('%s', (command) => {
    expect(verdictOf(command)).toBe('writes');
  });
});

describe('redis-cli', () => {
  it.each<[string, Verdict]>([
    ['redis-cli ACL LOG RESET', 'writes'],
    [`redis-cli EVAL "return redis.call('FLUSHALL')" 0`, 'destructive'],
    [`echo 'EVAL "return redis.call(\\"del\\", KEYS[1])" 1 k' | redis-cli`, 'destructive'],
    ['redis-cli EVAL "return 1" 0', 'writes'],
    ['redis-cli EVALSHA abc 0', 'writes'],
    ['redis-cli FCALL f 0', 'writes'],
    ['redis-cli SCRIPT LOAD "return 1"', 'writes'],
    ['redis-cli FUNCTION DELETE lib', 'destructive'],
    ['redis-cli DEBUG RESTART', 'destructive'],
    ['redis-cli DEBUG SLEEP 1', 'writes'],
    // An option with a value must not hide the command after it.
    ['redis-cli -t 5 FLUSHALL', 'destructive'],
    ['redis-cli --pipe-timeout 5 -X tag FLUSHALL', 'destructive'],
    ['redis-cli --cluster call h:6379 FLUSHALL', 'destructive'],
    ['redis-cli --unknown-option x FLUSHDB', 'destructive'],
    ['redis-cli --unknown-option x GET k', 'writes'],
    ['redis-cli CONFIG SET maxmemory 1gb', 'writes'],
    ['redis-cli CLIENT KILL ID 5', 'writes'],
    ['redis-cli SHUTDOWN', 'destructive'],
  ])('%s is %s', (command, expected) => {
    expect(verdictOf(command)).toBe(expected);
  });
});
