// The cloud command-line tools: `aws SERVICE OPERATION`, `gcloud GROUP… VERB [NAME]` and
// `az GROUP… VERB --options`. Only the word in the verb's place may make a command read-only,
// and only when it is exactly a reading verb: resource names (`read-replica-1`, `list-worker-1`)
// come after it, and a verb the check does not find in its place is not read-only.
import type { ReadOnlyCheck } from './read-only-checks';

/** aws options that may come before the operation, and whether they take a value. */
const AWS_GLOBAL_VALUES = new Set(['--region', '--profile', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format']);
const AWS_GLOBAL_FLAGS = new Set(['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt', '--version']);
/** Reading operations that save the response to the file named after them. */
const AWS_SAVES_TO_FILE = /^(s3api get-object|s3api get-object-torrent|glacier get-job-output|mediastore-data get-object|kinesis-video-media get-media)$/;
const AWS_READING = /^(logs tail|logs filter-log-events|cloudtrail lookup-events|configure list)$/;

/** `aws [global options] SERVICE [global options] OPERATION …`: the service and the operation. */
function awsPath(args: readonly string[]): string[] | string {
  const path: string[] = [];
  for (let i = 0; i < args.length && path.length < 2; i += 1) {
    const word = args[i];
    if (!word.startsWith('-')) path.push(word);
    else if (AWS_GLOBAL_VALUES.has(word)) i += 1;
    else if (!AWS_GLOBAL_FLAGS.has(word) && !AWS_GLOBAL_VALUES.has(word.split('=')[0])) return `\`aws ${word}\` before the operation is not an option this check knows`;
  }
  return path;
}

export const aws: ReadOnlyCheck = (inv) => {
  const path = awsPath(inv.args);
  if (typeof path === 'string') return path;
  if (path.length === 0) return inv.args.length === 0 || inv.has('--version') ? null : '`aws` without an operation is not known to only read';
  const [service, operation = ''] = path;
  const label = `${service} ${operation}`;
  if (service === 's3') return operation === 'ls' || operation === 'presign' ? null : `\`aws s3 ${operation}\` copies, moves or deletes objects`;
  if (AWS_SAVES_TO_FILE.test(label)) return `\`aws ${label}\` writes what it gets to a local file`;
  if (/^(describe|list|get)(-|$)/.test(operation) || AWS_READING.test(label)) return null;
  return `\`aws ${label}\` is not known to only read (describe-*, list-* and get-* are)`;
};

/** gcloud options that may come before the command and take a value. */
const GCLOUD_GLOBAL_VALUES = new Set(['--project', '--account', '--configuration', '--format', '--verbosity', '--billing-project', '--impersonate-service-account', '--trace-token']);
const GCLOUD_GLOBAL_FLAGS = new Set(['-q', '--quiet', '--log-http', '--no-user-output-enabled', '--user-output-enabled']);
const GCLOUD_TRACKS = new Set(['alpha', 'beta']);
/** The services (first word) whose commands this check reads. */
const GCLOUD_SERVICES = new Set(
  `compute container sql run functions logging monitoring pubsub storage iam projects organizations resource-manager config auth
  secrets kms dns redis memcache spanner bigtable app artifacts builds scheduler tasks composer dataproc dataflow filestore
  services billing components endpoints alloydb certificate-manager network-connectivity deployment-manager`.split(/\s+/),
);
/** Resource groups below a service; none of these words is also a verb. */
const GCLOUD_GROUPS = new Set(
  `instances instance-groups managed unmanaged instance-templates disks snapshots images machine-types zones regions networks
  subnets firewall-rules routes routers addresses forwarding-rules backend-services backend-buckets target-pools
  target-http-proxies target-https-proxies url-maps health-checks ssl-certificates ssl-policies security-policies operations
  project-info reservations resource-policies clusters node-pools databases users backups tiers flags services revisions jobs
  executions domain-mappings logs sinks metrics buckets objects topics subscriptions service-accounts keys roles policies
  channels dashboards uptime configurations secrets versions keyrings locations managed-zones record-sets repositories docker
  packages tags triggers queues environments workers accounts folders`.split(/\s+/),
);
const GCLOUD_READING = /^(list|describe|get-iam-policy|get-value|get|read|tail|info|version|access|get-serial-port-output|get-server-config|print-access-token|print-identity-token|list-[a-z-]+|describe-[a-z-]+)$/;

/** The words before the first option, after the global options that may precede them. */
function commandPath(args: readonly string[], values: ReadonlySet<string>, flags: ReadonlySet<string>): string[] | string {
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i += 1) {
    const name = args[i].split('=')[0];
    if (values.has(args[i])) i += 1;
    else if (!flags.has(name) && !(values.has(name) && args[i].includes('='))) return `\`${args[i]}\` before the command is not an option this check knows`;
  }
  const path: string[] = [];
  for (; i < args.length && !args[i].startsWith('-'); i += 1) path.push(args[i]);
  return path;
}

/** `gcloud [alpha|beta] SERVICE GROUP… VERB [NAME…]`: the verb is the first word that is no group. */
export const gcloud: ReadOnlyCheck = (inv) => {
  if (inv.has('--flags-file')) return '`gcloud --flags-file` takes options from a file the command does not show';
  const path = commandPath(inv.args, GCLOUD_GLOBAL_VALUES, GCLOUD_GLOBAL_FLAGS);
  if (typeof path === 'string') return `gcloud: ${path}`;
  if (path.length === 0) return inv.args.length === 0 || inv.has('--version') ? null : '`gcloud` without a command is not known to only read';
  let i = GCLOUD_TRACKS.has(path[0]) ? 1 : 0;
  if (i < path.length && !GCLOUD_READING.test(path[i])) {
    if (!GCLOUD_SERVICES.has(path[i])) return `\`gcloud ${path[i]}\` is not a service this check knows to read`;
    i += 1;
    while (i < path.length && GCLOUD_GROUPS.has(path[i])) i += 1;
  }
  const verb = path[i];
  return verb !== undefined && GCLOUD_READING.test(verb) ? null : `\`gcloud ${path.slice(0, i + 1).join(' ')}\` is not known to only read (list, describe and get-iam-policy are)`;
};

const AZ_READING = /^(list|show|exists|tail|version|query|get-access-token|get-instance-view|get-versions|get-upgrades|list-[a-z-]+|show-[a-z-]+)$/;

/** `az GROUP… VERB --options`: az takes no positional names, so the verb is the last word before the options. */
export const az: ReadOnlyCheck = (inv) => {
  const path = commandPath(inv.args, new Set(['--subscription']), new Set(['--debug', '--verbose', '--only-show-errors']));
  if (typeof path === 'string') return `az: ${path}`;
  if (path.length === 0) return inv.args.length === 0 || inv.has('--version') ? null : '`az` without a command is not known to only read';
  const verb = path[path.length - 1];
  return AZ_READING.test(verb) ? null : `\`az ${path.join(' ')}\` is not known to only read (list and show are)`;
};
