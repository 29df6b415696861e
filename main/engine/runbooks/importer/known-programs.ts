// The programs a line of a code block may start with to be taken for a command when nothing
// else says so (no language, no prompt): every program the shell library has rules for, the
// shell's own words, and the tools runbooks call most that need no rule there.
import { DESTRUCTIVE_RULES } from '../../lib/shell/destructive-rules';
import { NEVER_ENDING_RULES } from '../../lib/shell/never-ending';
import { PROGRAM_SYNTAX } from '../../lib/shell/program-syntax';
import { READ_ONLY_TABLE } from '../../lib/shell/read-only-table';
import { WRAPPERS } from '../../lib/shell/wrappers';

const SHELL_WORDS = `if then else elif fi for while until do done case esac function select export local declare typeset readonly
  alias unalias source eval exec let shift getopts ulimit history fg bg jobs disown mkdir touch ln`;

const COMMON_TOOLS = `npm npx yarn pnpm node deno bun python python3 pip pip3 pipx uv poetry ruby gem bundle rails rake go cargo rustc make
  cmake java mvn gradle dotnet php composer perl vercel netlify wrangler firebase supabase railway render doctl linode-cli
  ansible ansible-playbook kubectx kubens kustomize k9s argocd flux istioctl linkerd eksctl minikube kind k3s kubeadm ctr nerdctl
  skopeo buildah gsutil bq vault consul nomad etcdctl mongo mongosh mongodump mongorestore pg_dump pg_dumpall pg_basebackup pg_ctl
  pg_ctlcluster patronictl mysqldump mysqlcheck redis-server rabbitmqctl rabbitmq-diagnostics kafka-topics kafka-topics.sh
  kafka-consumer-groups kafka-consumer-groups.sh nodetool cqlsh influx promtool amtool logcli chef-client knife puppet salt
  salt-call cloud-init certbot nmap iperf iperf3 strace ltrace gdb perf jstack jmap jcmd jps virsh mdadm smartctl fsck e2fsck
  xfs_repair resize2fs growpart lvextend lvcreate setenforce getenforce semanage auditctl ausearch fail2ban-client gpg
  ssh-keygen ssh-keyscan scp sftp mosh tmux screen at logrotate gzip gunzip zip xz bzip2 sync update-ca-certificates snap brew
  alembic flyway liquibase prisma knex sequelize artisan manage.py celery gunicorn uwsgi supervisord systemd-run loginctl
  resolvectl networkctl nmcli dnsmasq haproxy envoy caddy apache2 httpd php-fpm varnishadm varnishstat memcached-tool
  curlie http httpie grpcurl websocat openssl keytool aws-vault sops age jq gojq xmllint envsubst base32 dos2unix
  supervisorctl pm2 sv`;

function programsOf(command: string | readonly string[]): string[] {
  return (typeof command === 'string' ? [command] : command).map((c) => c.split(' ')[0]);
}

const KNOWN = new Set<string>([
  ...Object.keys(READ_ONLY_TABLE),
  ...DESTRUCTIVE_RULES.flatMap((rule) => programsOf(rule.command)),
  ...NEVER_ENDING_RULES.flatMap((rule) => programsOf(rule.command)),
  ...Object.keys(WRAPPERS).flatMap((key) => programsOf(key)),
  ...Object.keys(PROGRAM_SYNTAX),
  ...SHELL_WORDS.split(/\s+/),
  ...COMMON_TOOLS.split(/\s+/),
]);

/** Whether `name` (a program's name without its directory) is a program runbooks run. */
export function isKnownProgram(name: string): boolean {
  return KNOWN.has(name);
}
