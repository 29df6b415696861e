// Commands that destroy data, stop services or machines, or roll back: the stronger flag,
// asked about by name before they run. Rules are tried in order and the first that matches
// a command gives its reason, so a specific rule (`rm -r`) comes before a general one (`rm`).
import type { CommandInput } from './command-input';
import { classifyDatabaseClient } from './database-clients';
import type { Invocation } from './invocation';

export interface DestructiveRule {
  /** A program, or a program and sub-command (`kubectl delete`, `docker system prune`). */
  command: string | readonly string[];
  /** Further condition, e.g. the option that makes the command destructive. */
  when?: (inv: Invocation) => boolean;
  /** What it does, for people; `{program}` is replaced by the program's name. */
  reason?: string;
  /** Matching commands are not destructive and the rules after are skipped (`kill -0` only tests). */
  harmless?: true;
  /** Reasons read from what the command runs, for database clients. */
  reasons?: (inv: Invocation, input: CommandInput) => string[];
}

const DATABASE_FILE = /\.(db|sqlite|sqlite3)$/i;

function forced(inv: Invocation): boolean {
  return inv.has('-f', '--force');
}

export const DESTRUCTIVE_RULES: readonly DestructiveRule[] = [
  // Files, file systems and disks.
  { command: 'rm', when: (inv) => inv.has('-r', '-R', '--recursive', '-f', '--force'), reason: '`rm -r`/`rm -f` deletes files and directories without asking' },
  { command: 'rm', reason: '`rm` deletes files' },
  { command: ['shred', 'wipefs'], reason: '`{program}` destroys data on purpose' },
  { command: 'truncate', reason: '`truncate` empties or shortens files' },
  {
    command: ['mkfs', 'mkfs.ext4', 'mkfs.ext3', 'mkfs.ext2', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat', 'mke2fs', 'mkswap'],
    reason: '`{program}` formats a filesystem, erasing it',
  },
  { command: 'dd', when: (inv) => inv.operands.some((o) => o.startsWith('of=')), reason: '`dd of=` overwrites its target' },
  { command: ['fdisk', 'sfdisk', 'parted', 'gdisk', 'sgdisk'], when: (inv) => !inv.has('-l', '--list'), reason: '`{program}` rewrites a disk\'s partition table' },
  { command: ['lvremove', 'vgremove', 'pvremove'], reason: '`{program}` deletes LVM volumes and their data' },
  { command: ['zfs destroy', 'zpool destroy'], reason: '`{program} destroy` deletes ZFS data' },
  { command: ['chmod', 'chown', 'chgrp'], when: (inv) => inv.has('-R', '--recursive'), reason: '`{program} -R` changes a whole directory tree' },
  {
    command: ['cp', 'mv'],
    when: (inv) => inv.operands.length >= 2 && DATABASE_FILE.test(inv.operands[inv.operands.length - 1]),
    reason: '`{program}` overwrites a database file',
  },
  { command: 'find', when: (inv) => inv.has('-delete'), reason: '`find -delete` deletes every file it matches' },
  {
    command: 'rsync',
    when: (inv) => inv.options.some((o) => /^--(delete|delete-before|delete-during|delete-delay|delete-after|delete-excluded|remove-source-files)$/.test(o.name)),
    reason: '`rsync --delete` deletes files at the destination that the source does not have',
  },

  // Processes, services and the machine.
  { command: 'kill', when: (inv) => inv.has('-l', '-L', '--list', '-0'), harmless: true },
  { command: 'kill', when: (inv) => inv.has('-9', '-KILL', '-SIGKILL') || ['9', 'KILL', 'SIGKILL'].includes(inv.value('-s', '-n', '--signal') ?? ''), reason: '`kill -9` ends processes at once, without letting them clean up' },
  { command: 'kill', reason: '`kill` stops processes' },
  { command: ['killall', 'pkill'], reason: '`{program}` stops every process that matches' },
  { command: ['reboot', 'shutdown', 'poweroff', 'halt'], reason: '`{program}` stops or restarts the machine' },
  { command: ['init', 'telinit'], when: (inv) => ['0', '6'].includes(inv.operands[0]), reason: '`{program} 0`/`6` stops or restarts the machine' },
  { command: ['systemctl stop', 'systemctl kill'], reason: '`systemctl stop` stops a service' },
  { command: ['systemctl restart', 'systemctl try-restart', 'systemctl reload-or-restart', 'systemctl try-reload-or-restart'], reason: '`systemctl restart` restarts a service, interrupting it' },
  { command: 'systemctl disable', reason: '`systemctl disable` keeps a service from starting at boot' },
  { command: 'systemctl mask', reason: '`systemctl mask` makes a service impossible to start' },
  { command: ['systemctl isolate', 'systemctl rescue', 'systemctl emergency'], reason: '`systemctl isolate` stops every service outside the target' },
  { command: ['systemctl reboot', 'systemctl poweroff', 'systemctl halt', 'systemctl kexec'], reason: '`systemctl reboot` stops or restarts the machine' },
  { command: 'service', when: (inv) => /^(stop|restart|force-reload|force-stop)$/.test(inv.operands[1] ?? ''), reason: '`service … stop`/`restart` stops or restarts a service' },
  { command: ['supervisorctl stop', 'supervisorctl restart', 'supervisorctl shutdown'], reason: '`supervisorctl stop`/`restart` stops or restarts programs' },
  { command: ['pm2 stop', 'pm2 restart', 'pm2 reload', 'pm2 delete', 'pm2 kill'], reason: '`pm2 stop`/`restart`/`delete` stops or restarts processes' },

  // Containers and clusters.
  { command: ['docker stop', 'docker kill', 'docker container stop', 'docker container kill'], reason: '`docker stop`/`kill` stops containers' },
  { command: ['docker restart', 'docker container restart'], reason: '`docker restart` restarts containers, interrupting them' },
  { command: ['docker rm', 'docker container rm', 'docker rmi', 'docker image rm'], reason: '`docker rm`/`rmi` removes containers or images' },
  { command: ['docker volume rm', 'docker volume remove'], reason: '`docker volume rm` deletes the volume and its data' },
  { command: ['docker network rm', 'docker service rm', 'docker stack rm', 'docker swarm leave'], reason: '`docker … rm` removes networks, services or stacks' },
  {
    command: ['docker system prune', 'docker container prune', 'docker image prune', 'docker volume prune', 'docker network prune', 'docker builder prune'],
    reason: '`docker … prune` deletes unused containers, images, networks or volumes',
  },
  { command: ['docker compose down', 'docker-compose down'], when: (inv) => inv.has('-v', '--volumes'), reason: '`compose down -v` removes the containers and deletes their volumes and data' },
  { command: ['docker compose down', 'docker-compose down'], reason: '`compose down` stops and removes the project\'s containers' },
  {
    command: ['docker compose stop', 'docker compose kill', 'docker compose rm', 'docker compose restart', 'docker-compose stop', 'docker-compose kill', 'docker-compose rm', 'docker-compose restart'],
    reason: '`compose stop`/`restart`/`rm` stops, restarts or removes containers',
  },
  { command: ['crictl rm', 'crictl rmp', 'crictl rmi', 'crictl stop', 'crictl stopp'], reason: '`crictl rm`/`stop` stops or removes containers' },
  { command: 'kubectl delete', reason: '`kubectl delete` deletes cluster resources' },
  { command: 'kubectl drain', reason: '`kubectl drain` evicts every pod from a node' },
  { command: 'kubectl cordon', reason: '`kubectl cordon` stops new pods from being scheduled on a node' },
  { command: 'kubectl scale', when: (inv) => inv.value('--replicas') === '0', reason: '`kubectl scale --replicas=0` stops every pod of the workload' },
  { command: 'kubectl rollout undo', reason: '`kubectl rollout undo` rolls a workload back to an earlier version' },
  { command: 'kubectl rollout restart', reason: '`kubectl rollout restart` restarts every pod of the workload' },
  { command: ['kubectl apply', 'kubectl patch', 'kubectl edit', 'kubectl replace', 'kubectl set image'], reason: '`kubectl apply`/`patch`/`edit` changes live cluster resources' },
  { command: 'kubectl taint', reason: '`kubectl taint` can evict pods from a node' },
  {
    command: 'kubectl debug',
    when: (inv) => inv.operands.some((o) => o.startsWith('node/')) || inv.args.includes('chroot'),
    reason: '`kubectl debug node/…` runs a privileged pod with the node\'s root filesystem (`chroot /host` is root on the node)',
  },
  { command: ['helm uninstall', 'helm delete'], reason: '`helm uninstall` removes a release and its resources' },
  { command: 'helm rollback', reason: '`helm rollback` rolls a release back to an earlier version' },

  // Cloud and hosting.
  {
    command: 'heroku ps:scale',
    when: (inv) => inv.rest.some((o) => /^[\w-]+=0(:[\w-]+)?$/.test(o)),
    reason: '`heroku ps:scale …=0` stops every dyno of that type',
  },
  { command: ['heroku restart', 'heroku ps:restart', 'heroku ps:stop', 'heroku ps:kill'], reason: '`heroku restart`/`ps:stop` restarts or stops dynos' },
  { command: ['heroku rollback', 'heroku releases:rollback'], reason: '`heroku rollback` rolls the app back to an earlier release' },
  { command: ['heroku apps:destroy', 'heroku pg:reset', 'heroku addons:destroy'], reason: '`heroku apps:destroy`/`pg:reset` deletes an app, add-on or its data' },
  { command: ['heroku pg:kill', 'heroku pg:killall'], reason: '`heroku pg:kill` ends database queries and connections' },
  { command: 'heroku maintenance:on', reason: '`heroku maintenance:on` takes the app offline' },
  { command: 'aws', when: (inv) => /^s3 (rm|rb)$/.test(inv.subcommand ?? ''), reason: '`aws s3 rm`/`rb` deletes objects or buckets' },
  { command: 'aws', when: (inv) => inv.subcommand === 's3 sync' && inv.has('--delete'), reason: '`aws s3 sync --delete` deletes objects at the destination that the source does not have' },
  { command: 'aws', when: (inv) => /^\S+ (delete|terminate|remove|deregister)-/.test(inv.subcommand ?? ''), reason: '`aws … delete-*`/`terminate-*` deletes cloud resources' },
  { command: ['gcloud', 'az'], when: (inv) => inv.operands.includes('delete'), reason: '`{program} … delete` deletes cloud resources' },
  {
    command: ['fly destroy', 'fly apps destroy', 'fly machines destroy', 'fly machine destroy', 'fly volumes destroy', 'fly volumes delete', 'fly volume destroy'],
    reason: '`fly … destroy` deletes apps, machines or volumes',
  },
  { command: ['fly machines stop', 'fly machine stop', 'fly machines kill', 'fly machine kill'], reason: '`fly machine stop` stops machines' },
  { command: 'fly scale count', when: (inv) => inv.rest[0] === '0', reason: '`fly scale count 0` stops every machine of the app' },
  { command: ['terraform destroy', 'terraform state rm', 'terraform workspace delete'], reason: '`terraform destroy` deletes infrastructure' },
  { command: 'terraform apply', reason: '`terraform apply` changes live infrastructure, possibly replacing or deleting it' },
  { command: 'terraform taint', reason: '`terraform taint` makes the next apply replace a resource' },

  // Firewalls and networking: mistakes here can also cut off the connection itself.
  { command: 'iptables', when: (inv) => inv.has('-F', '--flush', '-X', '--delete-chain'), reason: '`{program} -F`/`-X` removes every firewall rule in a chain or table' },
  { command: 'iptables', when: (inv) => inv.has('-D', '--delete', '-P', '--policy'), reason: '`{program} -D`/`-P` removes a firewall rule or changes a default policy' },
  { command: ['nft flush', 'nft delete'], reason: '`nft flush`/`delete` removes firewall rules' },
  { command: ['ufw disable', 'ufw reset', 'ufw delete'], reason: '`ufw disable`/`reset`/`delete` removes firewall protection' },
  { command: 'ip', when: (inv) => inv.operands.includes('down') || /^(del|delete|flush)$/.test(inv.operands[1] ?? ''), reason: '`ip … down`/`del`/`flush` takes a network interface, address or route away' },
  { command: ['ifdown'], reason: '`ifdown` takes a network interface down' },
  { command: 'ifconfig', when: (inv) => inv.operands.includes('down'), reason: '`ifconfig … down` takes a network interface down' },

  // Version control.
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

  // Users, schedules and packages.
  { command: 'crontab', when: (inv) => inv.has('-r'), reason: '`crontab -r` deletes the whole crontab' },
  { command: ['userdel', 'groupdel', 'deluser', 'delgroup'], reason: '`{program}` deletes a user or group' },
  {
    command: ['apt remove', 'apt purge', 'apt autoremove', 'apt-get remove', 'apt-get purge', 'apt-get autoremove', 'yum remove', 'yum erase', 'yum autoremove', 'dnf remove', 'dnf erase', 'dnf autoremove', 'apk del'],
    reason: '`{program} remove` uninstalls packages',
  },

  // Services over HTTP and web servers.
  { command: 'curl', when: (inv) => inv.value('-X', '--request')?.toUpperCase() === 'DELETE', reason: '`curl -X DELETE` deletes a remote resource' },
  { command: 'nginx', when: (inv) => /^(stop|quit)$/.test(inv.value('-s') ?? ''), reason: '`nginx -s stop` stops the web server' },
  { command: 'apachectl', when: (inv) => inv.args.some((a) => /^(stop|graceful-stop|restart|graceful|-k)$/.test(a)), reason: '`{program} stop`/`restart` stops or restarts the web server' },
];

/** The rules by program, in table order, so that a command is only tried against its own. */
const RULES_BY_PROGRAM = new Map<string, DestructiveRule[]>();
for (const rule of DESTRUCTIVE_RULES) {
  const programs = new Set((typeof rule.command === 'string' ? [rule.command] : rule.command).map((c) => c.split(' ')[0]));
  for (const program of programs) RULES_BY_PROGRAM.set(program, [...(RULES_BY_PROGRAM.get(program) ?? []), rule]);
}

/** Why the command is destructive; empty when it is not. */
export function destructiveReasons(inv: Invocation, input: CommandInput): string[] {
  for (const rule of RULES_BY_PROGRAM.get(inv.kind) ?? []) {
    if (!inv.is(rule.command) || (rule.when && !rule.when(inv))) continue;
    if (rule.reasons) {
      const found = rule.reasons(inv, input);
      if (found.length > 0) return found;
      continue;
    }
    return rule.harmless || !rule.reason ? [] : [rule.reason.replace('{program}', inv.program)];
  }
  return [];
}
