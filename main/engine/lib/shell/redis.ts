// Reads Redis commands as redis-cli sends them: which ones only read, which change data,
// and which delete it or stop the server.
import { emptyVerdict, type ContentVerdict } from './content-verdict';

/** Commands that only read. Sub-commands are written after a space. */
const READING = new Set([
  'GET', 'MGET', 'GETRANGE', 'STRLEN', 'EXISTS', 'TYPE', 'TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME', 'KEYS', 'SCAN',
  'RANDOMKEY', 'DBSIZE', 'INFO', 'PING', 'ECHO', 'TIME', 'LASTSAVE', 'ROLE', 'DUMP', 'TOUCH', 'LCS',
  'LLEN', 'LRANGE', 'LINDEX', 'LPOS', 'HGET', 'HMGET', 'HGETALL', 'HKEYS', 'HVALS', 'HLEN', 'HEXISTS', 'HSTRLEN',
  'HSCAN', 'HRANDFIELD', 'SCARD', 'SMEMBERS', 'SISMEMBER', 'SMISMEMBER', 'SRANDMEMBER', 'SSCAN', 'SINTER',
  'SUNION', 'SDIFF', 'SINTERCARD', 'ZCARD', 'ZCOUNT', 'ZRANGE', 'ZRANGEBYSCORE', 'ZRANGEBYLEX', 'ZREVRANGE',
  'ZREVRANGEBYSCORE', 'ZSCORE', 'ZMSCORE', 'ZRANK', 'ZREVRANK', 'ZSCAN', 'ZLEXCOUNT', 'ZRANDMEMBER',
  'XLEN', 'XRANGE', 'XREVRANGE', 'XPENDING', 'XREAD', 'BITCOUNT', 'BITPOS', 'GETBIT', 'PFCOUNT', 'GEOPOS',
  'GEODIST', 'GEOHASH', 'GEOSEARCH', 'GEORADIUS_RO', 'GEORADIUSBYMEMBER_RO', 'JSON.GET', 'JSON.TYPE',
  'CONFIG GET', 'SLOWLOG GET', 'SLOWLOG LEN', 'MEMORY USAGE', 'MEMORY STATS', 'MEMORY DOCTOR', 'MEMORY MALLOC-STATS',
  'CLIENT LIST', 'CLIENT INFO', 'CLIENT GETNAME', 'CLIENT ID', 'CLUSTER INFO', 'CLUSTER NODES', 'CLUSTER SLOTS',
  'CLUSTER SHARDS', 'CLUSTER MYID', 'CLUSTER KEYSLOT', 'CLUSTER COUNTKEYSINSLOT', 'CLUSTER GETKEYSINSLOT',
  'LATENCY LATEST', 'LATENCY HISTORY', 'LATENCY DOCTOR', 'LATENCY GRAPH', 'OBJECT ENCODING', 'OBJECT FREQ',
  'OBJECT IDLETIME', 'OBJECT REFCOUNT', 'PUBSUB CHANNELS', 'PUBSUB NUMSUB', 'PUBSUB NUMPAT', 'PUBSUB SHARDCHANNELS',
  'COMMAND', 'COMMAND COUNT', 'COMMAND INFO', 'COMMAND DOCS', 'COMMAND LIST', 'XINFO STREAM', 'XINFO GROUPS',
  'XINFO CONSUMERS', 'ACL LIST', 'ACL USERS', 'ACL WHOAMI', 'ACL GETUSER', 'ACL CAT', 'ACL LOG', 'FUNCTION LIST',
  'SCRIPT EXISTS', 'MODULE LIST',
]);

/** Commands that delete data or take the server away, with why. */
const DESTRUCTIVE: Readonly<Record<string, string>> = {
  FLUSHALL: '`FLUSHALL` deletes every key in every database',
  FLUSHDB: '`FLUSHDB` deletes every key in the database',
  DEL: '`DEL` deletes keys',
  UNLINK: '`UNLINK` deletes keys',
  GETDEL: '`GETDEL` deletes the key it reads',
  SHUTDOWN: '`SHUTDOWN` stops the Redis server',
  REPLICAOF: '`REPLICAOF` replaces the server\'s data with a copy of another server\'s',
  SLAVEOF: '`SLAVEOF` replaces the server\'s data with a copy of another server\'s',
  'CLUSTER RESET': '`CLUSTER RESET` removes the node from its cluster',
  'CLUSTER FLUSHSLOTS': '`CLUSTER FLUSHSLOTS` drops the node\'s slots',
  'SCRIPT FLUSH': '`SCRIPT FLUSH` deletes every cached script',
  'FUNCTION FLUSH': '`FUNCTION FLUSH` deletes every function library',
  'FUNCTION DELETE': '`FUNCTION DELETE` deletes a function library',
  'DEBUG SEGFAULT': '`DEBUG SEGFAULT` crashes the server',
  'DEBUG PANIC': '`DEBUG PANIC` crashes the server',
  'DEBUG ASSERT': '`DEBUG ASSERT` crashes the server',
  'DEBUG OOM': '`DEBUG OOM` crashes the server',
  'DEBUG RESTART': '`DEBUG RESTART` restarts the server',
  'DEBUG CRASH-AND-RECOVER': '`DEBUG CRASH-AND-RECOVER` crashes and restarts the server',
};

/** Reading commands that change something when given this argument: `ACL LOG RESET` clears the log. */
const WRITING_ARGUMENT: Readonly<Record<string, RegExp>> = {
  'ACL LOG': /^reset$/i,
};

/** Commands whose first argument is a Lua script that runs on the server. */
const SCRIPTS = new Set(['EVAL', 'EVAL_RO']);

/** Common commands that change data or settings, with what they change. */
const WRITING: Readonly<Record<string, string>> = {
  SET: 'writes a key', MSET: 'writes keys', SETEX: 'writes a key', SETNX: 'writes a key', GETSET: 'overwrites a key',
  INCR: 'changes a counter', INCRBY: 'changes a counter', DECR: 'changes a counter', DECRBY: 'changes a counter',
  APPEND: 'changes a key', EXPIRE: 'sets a key to expire', PEXPIRE: 'sets a key to expire', PERSIST: 'changes a key\'s expiry',
  RENAME: 'renames a key', MOVE: 'moves a key to another database', MIGRATE: 'moves keys to another server',
  SWAPDB: 'swaps two databases', LPUSH: 'changes a list', RPUSH: 'changes a list', LPOP: 'removes list items',
  RPOP: 'removes list items', LREM: 'removes list items', LTRIM: 'removes list items', HSET: 'changes a hash',
  HDEL: 'removes hash fields', SADD: 'changes a set', SREM: 'removes set members', SPOP: 'removes set members',
  ZADD: 'changes a sorted set', ZREM: 'removes sorted-set members', XADD: 'appends to a stream', XDEL: 'removes stream entries',
  XTRIM: 'removes stream entries', PUBLISH: 'sends a message to subscribers', SAVE: 'writes a snapshot to disk',
  BGSAVE: 'writes a snapshot to disk', BGREWRITEAOF: 'rewrites the append-only file', 'CONFIG SET': 'changes the server configuration',
  'CONFIG REWRITE': 'rewrites the server configuration file', 'CONFIG RESETSTAT': 'resets server statistics',
  'CLIENT KILL': 'disconnects clients', 'CLIENT PAUSE': 'pauses clients', 'SLOWLOG RESET': 'clears the slow log',
  'LATENCY RESET': 'clears latency data', FAILOVER: 'hands the primary role to a replica', EVAL: 'runs a Lua script',
  EVALSHA: 'runs a Lua script', FCALL: 'runs a function',
};

/** Commands that never end: they stream until stopped. */
const STREAMING_REDIS_COMMANDS = new Set(['MONITOR', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE']);

/** Commands whose first argument names a sub-command. */
const CONTAINERS = new Set(['CONFIG', 'CLIENT', 'CLUSTER', 'MEMORY', 'SLOWLOG', 'LATENCY', 'OBJECT', 'PUBSUB', 'COMMAND', 'SCRIPT', 'FUNCTION', 'XINFO', 'XGROUP', 'ACL', 'DEBUG', 'MODULE']);

/** The command's name: `CONFIG GET` for `config get maxmemory`, `GET` for `get k`. */
function commandName(words: readonly string[]): { one: string; name: string } {
  const one = (words[0] ?? '').toUpperCase();
  return { one, name: CONTAINERS.has(one) && words.length > 1 ? `${one} ${words[1].toUpperCase()}` : one };
}

/** What the commands a script calls destroy: `redis.call('FLUSHALL')` runs FLUSHALL. */
function scriptDestroys(script: string): string[] {
  const names = new Set((script.match(/[A-Za-z]+/g) ?? []).map((n) => n.toUpperCase()));
  return [...names].filter((n) => DESTRUCTIVE[n]).map((n) => `the Lua script calls ${n}: ${DESTRUCTIVE[n]}`);
}

/** Classifies one Redis command given as words, e.g. `['del', 'session:1']`. */
export function classifyRedisCommand(words: readonly string[], verdict: ContentVerdict = emptyVerdict()): ContentVerdict {
  const { one, name } = commandName(words);
  if (!one) return verdict;
  if (SCRIPTS.has(one)) {
    const scripted = scriptDestroys(words[1] ?? '');
    verdict.destructive.push(...scripted);
    verdict.writes.push(...scripted);
  }
  const destroys = DESTRUCTIVE[name];
  // `REPLICAOF NO ONE` promotes a replica: a change, but it keeps the data.
  if (destroys && !(/^(REPLICAOF|SLAVEOF)$/.test(one) && /^no\s+one$/i.test(words.slice(1).join(' ')))) {
    verdict.destructive.push(destroys);
    verdict.writes.push(destroys);
  } else if (STREAMING_REDIS_COMMANDS.has(one)) {
    verdict.never ??= `Redis \`${one}\` streams until it is stopped`;
  } else if (READING.has(name) && WRITING_ARGUMENT[name]?.test(words[2] ?? '')) {
    verdict.writes.push(`Redis \`${name} ${words[2]}\` changes the server's state`);
  } else if (!READING.has(name)) {
    const what = WRITING[name];
    verdict.writes.push(what ? `Redis \`${name}\` ${what}` : `Redis \`${name}\` is not on the list of read-only commands`);
  }
  return verdict;
}

/** A line's words as redis-cli splits them: `EVAL "return 1" 0` is three words. */
function lineWords(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Classifies Redis commands one per line, as redis-cli reads them from its input. */
export function classifyRedisScript(text: string): ContentVerdict {
  const verdict = emptyVerdict();
  for (const line of text.split('\n')) {
    const words = lineWords(line.trim());
    if (words.length > 0 && !words[0].startsWith('#')) classifyRedisCommand(words, verdict);
  }
  return verdict;
}
