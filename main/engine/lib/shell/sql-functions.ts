// Which function calls a read-only query may make. A SELECT can change the server through
// the functions it calls (`pg_terminate_backend()`, `nextval()`, `dblink(…, 'DROP …')`, a
// user's `purge_expired_sessions()`), and no list of dangerous functions can be complete, so
// this is the other way round: an allow-list of built-ins known to only compute or read.
// Any other call makes a query not read-only. Add a name only when it has no side effect in
// every database that has a function of that name.

const SIDE_EFFECT_FREE = new Set(
  `
  count sum avg min max stddev stddev_pop stddev_samp variance var_pop var_samp every bool_and bool_or bit_and bit_or
  array_agg string_agg json_agg jsonb_agg json_object_agg jsonb_object_agg group_concat percentile_cont percentile_disc
  mode row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value grouping
  coalesce nullif greatest least ifnull isnull iif if multiif cast convert
  now current_date current_time current_timestamp localtime localtimestamp clock_timestamp statement_timestamp
  transaction_timestamp timeofday age date_trunc date_part extract to_char to_date to_timestamp to_number make_date
  make_time make_timestamp make_timestamptz make_interval justify_days justify_hours justify_interval isfinite
  date time datetime julianday strftime unixepoch date_format date_add date_sub datediff timestampdiff unix_timestamp
  from_unixtime curdate curtime sysdate utc_timestamp timezone today yesterday todate todatetime tostartofminute
  tostartofhour tostartofday tostartofinterval tounixtimestamp
  lower upper initcap length char_length character_length octet_length bit_length substr substring left right
  position strpos instr locate trim btrim ltrim rtrim lpad rpad replace translate split_part concat concat_ws format
  repeat reverse ascii chr char md5 sha1 sha2 encode decode to_hex hex unhex quote_ident quote_literal quote_nullable
  regexp_replace regexp_match regexp_matches regexp_like regexp_substr regexp_split_to_array starts_with
  string_to_array array_to_string printf quote typeof tostring formatreadablesize formatreadablequantity
  abs ceil ceiling floor round trunc sign mod power pow sqrt exp ln log log10 pi random div width_bucket
  array_length array_lower array_upper cardinality array_position array_remove array_cat unnest generate_series
  json_extract json_unquote json_length json_array_length jsonb_array_length json_each jsonb_each json_object_keys
  jsonb_object_keys jsonb_pretty json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb
  row_to_json json_typeof jsonb_typeof jsonb_path_query jsonb_extract_path jsonb_extract_path_text json_extract_path_text
  version current_setting current_database current_schema current_user session_user database schema user connection_id
  inet_server_addr inet_client_addr pg_backend_pid pg_postmaster_start_time pg_conf_load_time pg_is_in_recovery
  pg_last_wal_receive_lsn pg_last_wal_replay_lsn pg_current_wal_lsn pg_wal_lsn_diff pg_last_xact_replay_timestamp
  pg_is_wal_replay_paused pg_blocking_pids pg_size_pretty pg_size_bytes pg_database_size pg_relation_size
  pg_total_relation_size pg_table_size pg_indexes_size pg_tablespace_size pg_column_size pg_typeof format_type
  pg_get_indexdef pg_get_viewdef pg_get_constraintdef pg_get_functiondef pg_get_triggerdef pg_get_userbyid pg_get_expr
  pg_table_is_visible has_table_privilege has_schema_privilege has_database_privilege obj_description col_description
  sqlite_version changes total_changes last_insert_rowid uniq uniqexact quantile quantiles any argmax argmin topk
  countif sumif avgif groupArray hostname uptime currentdatabase
  `.split(/\s+/).filter(Boolean).map((name) => name.toLowerCase()),
);

/**
 * Type names take parentheses (`numeric(10,2)`, `varchar(20)`) but call nothing. Keywords
 * followed by a parenthesis (`IN (…)`, `OVER (…)`, `AS (…)`) are not calls either.
 */
const NOT_CALLS = new Set(
  `
  numeric decimal varchar char character varying bit timestamp timestamptz time timetz interval float int integer
  bigint smallint tinyint mediumint datetime binary varbinary enum
  in exists any all some as over filter within on using from join where select and or not when then else case by
  having limit offset row array lateral union intersect except values with returning distinct is like ilike between
  cube rollup sets partition window into table set check default key unique references primary to match against
  `.split(/\s+/).filter(Boolean),
);

/** Functions whose string arguments are SQL they run, possibly on another server. */
const RUNS_SQL_TEXT = new Set(['dblink', 'dblink_exec', 'dblink_send_query', 'dblink_open', 'query_to_xml', 'query_to_xml_and_xmlschema', 'eval']);

/** The schema of the built-ins; any other schema's function of the same name is someone's own. */
const BUILT_IN_SCHEMA = 'pg_catalog';

export interface FunctionName {
  name: string;
  /** Written in quotes: in PostgreSQL then case-sensitive, so `"COUNT"` is not `count`. */
  quoted: boolean;
  /** The schema before the name, if any (`pg_catalog` in `pg_catalog.now()`). */
  schema?: string;
}

/** Whether a call only computes or reads. */
export function isSideEffectFree(fn: FunctionName): boolean {
  if (fn.schema !== undefined && fn.schema.toLowerCase() !== BUILT_IN_SCHEMA) return false;
  const name = fn.quoted ? fn.name : fn.name.toLowerCase();
  // SQLite offers a PRAGMA as a table-valued function only when it has no side effect.
  return SIDE_EFFECT_FREE.has(name) || /^pragma_[a-z_]+$/.test(name);
}

/** Whether an unquoted word before `(` is a keyword or type rather than a function. */
export function isNotACall(word: string): boolean {
  return NOT_CALLS.has(word.toLowerCase());
}

export function runsSqlText(fn: FunctionName): boolean {
  return RUNS_SQL_TEXT.has(fn.name.toLowerCase());
}
