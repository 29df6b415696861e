// Destructive rules for cloud and hosting CLIs, object storage, and requests to services over
// HTTP. gcloud and az have no sub-command syntax here: their verbs are read from the words
// before the first option (commandWords), so that a resource named `stop` is not a verb.
import { commandWords, isZero, valueOf, type DestructiveRule } from './destructive-rule';
import type { Invocation } from './invocation';

/** The request method curl sends: `-X`, else GET with `-G`, POST with data, PUT with a file, HEAD with `-I`. */
function curlMethod(inv: Invocation): string {
  const explicit = inv.value('-X', '--request');
  if (explicit) return explicit.toUpperCase();
  if (inv.has('-G', '--get')) return 'GET';
  if (inv.has('-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '--form-string')) return 'POST';
  if (inv.has('-T', '--upload-file')) return 'PUT';
  return inv.has('-I', '--head') ? 'HEAD' : 'GET';
}

/** A request other than GET or HEAD to a URL whose path matches: an action endpoint. */
function curlAction(path: RegExp, reason: string): DestructiveRule {
  return {
    command: 'curl',
    when: (inv) => !/^(GET|HEAD)$/.test(curlMethod(inv)) && [...inv.operands, ...inv.values('--url')].some((url) => path.test(url)),
    reason,
  };
}

/** httpie's method is its first operand when written as one: `http DELETE host/x`. */
function httpieMethod(inv: Invocation): string {
  return inv.operands.slice(0, 2).find((o) => /^[A-Za-z]+$/.test(o))?.toUpperCase() ?? '';
}

function verbs(inv: Invocation, pattern: RegExp): boolean {
  return commandWords(inv).some((w) => pattern.test(w));
}

export const CLOUD_RULES: readonly DestructiveRule[] = [
  {
    command: 'heroku ps:scale',
    when: (inv) => inv.rest.some((o) => /^[\w-]+=0+(:[\w-]+)?$/.test(o)),
    reason: '`heroku ps:scale …=0` stops every dyno of that type',
  },
  { command: ['heroku restart', 'heroku ps:restart', 'heroku ps:stop', 'heroku ps:kill'], reason: '`heroku restart`/`ps:stop` restarts or stops dynos' },
  { command: ['heroku rollback', 'heroku releases:rollback'], reason: '`heroku rollback` rolls the app back to an earlier release' },
  { command: ['heroku apps:destroy', 'heroku pg:reset', 'heroku addons:destroy'], reason: '`heroku apps:destroy`/`pg:reset` deletes an app, add-on or its data' },
  { command: ['heroku pg:kill', 'heroku pg:killall'], reason: '`heroku pg:kill` ends database queries and connections' },
  { command: 'heroku maintenance:on', reason: '`heroku maintenance:on` takes the app offline' },

  { command: 'aws', when: (inv) => /^s3 (rm|rb)$/.test(inv.subcommand ?? ''), reason: '`aws s3 rm`/`rb` deletes objects or buckets' },
  { command: 'aws s3 mv', reason: '`aws s3 mv` deletes each object from where it was' },
  { command: 'aws', when: (inv) => inv.subcommand === 's3 sync' && inv.has('--delete'), reason: '`aws s3 sync --delete` deletes objects at the destination that the source does not have' },
  { command: 'aws', when: (inv) => /^\S+ (delete|terminate|remove|deregister|purge)-/.test(inv.subcommand ?? ''), reason: '`aws … delete-*`/`terminate-*` deletes cloud resources' },
  { command: 'aws kms schedule-key-deletion', reason: '`aws kms schedule-key-deletion` deletes the key, and what it encrypted can no longer be read' },
  { command: 'aws', when: (inv) => /^\S+ (stop|reboot)-/.test(inv.subcommand ?? ''), reason: '`aws … stop-*`/`reboot-*` stops or restarts cloud resources' },
  { command: 'aws ecs update-service', when: (inv) => isZero(valueOf(inv, '--desired-count')), reason: '`aws ecs update-service --desired-count 0` stops every task of the service' },
  { command: 'aws autoscaling set-desired-capacity', when: (inv) => isZero(valueOf(inv, '--desired-capacity')), reason: '`--desired-capacity 0` stops every instance of the group' },
  {
    command: 'aws autoscaling update-auto-scaling-group',
    when: (inv) => isZero(valueOf(inv, '--max-size')) || isZero(valueOf(inv, '--desired-capacity')),
    reason: '`--max-size 0`/`--desired-capacity 0` stops every instance of the group',
  },

  { command: 'gcloud', when: (inv) => inv.operands.includes('delete'), reason: '`gcloud … delete` deletes cloud resources' },
  { command: 'gcloud', when: (inv) => verbs(inv, /^rm$/), reason: '`gcloud storage rm` deletes objects' },
  { command: 'gcloud', when: (inv) => verbs(inv, /^(stop|suspend|reset|restart)$/), reason: '`gcloud … stop`/`reset` stops or restarts cloud resources' },
  { command: 'gcloud', when: (inv) => verbs(inv, /^restore(-backup)?$/), reason: '`gcloud sql backups restore` overwrites the instance\'s data with the backup' },
  { command: ['gsutil rm', 'gsutil rb'], reason: '`gsutil rm`/`rb` deletes objects or buckets' },
  { command: 'gsutil mv', reason: '`gsutil mv` deletes each object from where it was' },
  { command: 'gsutil rsync', when: (inv) => inv.has('-d'), reason: '`gsutil rsync -d` deletes objects at the destination that the source does not have' },
  { command: 'az', when: (inv) => verbs(inv, /^(delete|delete-batch|purge)$/), reason: '`az … delete`/`purge` deletes cloud resources' },
  { command: 'az', when: (inv) => verbs(inv, /^(stop|deallocate|restart)$/), reason: '`az … stop`/`deallocate` stops or restarts cloud resources' },
  { command: 'az', when: (inv) => commandWords(inv)[0] === 'rest' && valueOf(inv, '--method', '-m')?.toUpperCase() === 'DELETE', reason: '`az rest --method DELETE` deletes a cloud resource' },
  {
    command: ['fly destroy', 'fly apps destroy', 'fly machines destroy', 'fly machine destroy', 'fly volumes destroy', 'fly volumes delete', 'fly volume destroy'],
    reason: '`fly … destroy` deletes apps, machines or volumes',
  },
  { command: ['fly machines stop', 'fly machine stop', 'fly machines kill', 'fly machine kill'], reason: '`fly machine stop` stops machines' },
  { command: 'fly scale count', when: (inv) => /^0+$/.test(inv.rest[0] ?? ''), reason: '`fly scale count 0` stops every machine of the app' },

  // Object storage and file sync.
  { command: 'rclone sync', reason: '`rclone sync` deletes files at the destination that the source does not have' },
  { command: ['rclone purge', 'rclone delete', 'rclone deletefile', 'rclone rmdir', 'rclone rmdirs', 'rclone cleanup'], reason: '`rclone purge`/`delete` deletes remote files' },
  { command: ['mc rm', 'mc rb'], reason: '`mc rm`/`rb` deletes objects or buckets' },
  { command: 'mc mirror', when: (inv) => inv.has('--remove'), reason: '`mc mirror --remove` deletes objects at the destination that the source does not have' },

  // Requests to services over HTTP.
  { command: 'curl', when: (inv) => inv.value('-X', '--request')?.toUpperCase() === 'DELETE', reason: '`curl -X DELETE` deletes a remote resource' },
  curlAction(/\/(actuator\/)?shutdown\/?([?#]|$)/, '`curl … /shutdown` shuts the service down'),
  curlAction(/\/_delete_by_query\b/, '`curl … /_delete_by_query` deletes every document the query matches'),
  { command: 'wget', when: (inv) => inv.value('--method')?.toUpperCase() === 'DELETE', reason: '`wget --method=DELETE` deletes a remote resource' },
  { command: ['http', 'https', 'xh', 'xhs'], when: (inv) => httpieMethod(inv) === 'DELETE', reason: '`{program} DELETE` deletes a remote resource' },
];
