// How the programs the tables know read their arguments: which options take a value (so
// that `kubectl -n prod delete` is seen as `delete`, not `prod`) and which programs take a
// sub-command. Programs not listed are read with no value-taking options.
import { valueSet, type OptionSyntax } from './options';

export interface ProgramSyntax extends OptionSyntax {
  /** The first operand names a sub-command (`kubectl get`, `heroku ps:scale`). */
  subcommand?: {
    /** Sub-commands whose own first operand is part of the name: `rollout status`, `system prune`. */
    groups?: ReadonlySet<string>;
    /** Every sub-command is this many words, e.g. `aws s3 ls`. */
    words?: number;
    /** Matched without regard to case, e.g. redis `flushall` and `FLUSHALL`. */
    anyCase?: boolean;
  };
}

const KUBECTL: ProgramSyntax = {
  // -f, -p and -c mean different things in different kubectl sub-commands (follow/filename,
  // previous/patch); they are read as plain flags, which never hides the sub-command.
  values: valueSet(`-n --namespace --context --cluster --kubeconfig --user -s --server --token --as --as-group
    -l --selector -o --output --field-selector --since --since-time --tail --sort-by --template --filename
    --patch --type --replicas --to-revision --timeout --image --request-timeout -L --label-columns --chunk-size
    --max-log-requests --pod-running-timeout --limit-bytes --for --cascade --grace-period -k --kustomize --container`),
  subcommand: { groups: valueSet('rollout auth config certificate plugin set') },
};

const DOCKER: ProgramSyntax = {
  values: valueSet(`-H --host --context --config --log-level -e --env --env-file -u --user -w --workdir -v --volume
    -p --publish --name --network --net --entrypoint -m --memory --cpus -l --label --mount --add-host --dns
    --hostname --ulimit --cap-add --cap-drop --device --gpus --restart --pid --ipc --platform --log-driver
    --log-opt --security-opt --tmpfs --volumes-from --stop-signal --since --until --tail -n --format --filter
    --detach-keys --time --signal --project-name --project-directory --profile --file`),
  subcommand: {
    groups: valueSet('compose container image network volume system builder buildx context plugin node service stack secret config swarm trust manifest'),
  },
};

const GIT: ProgramSyntax = {
  values: valueSet(`-C -c --config-env --git-dir --work-tree --namespace -n --max-count --author --since --until --after --before
    --grep --format --pretty --contains --merged --no-merged --points-at --sort -U --unified --skip -S -G --output`),
  subcommand: { groups: valueSet('stash remote worktree submodule notes reflog') },
};

const SQL_CLIENT_VALUES = {
  psql: `-c --command -d --dbname -f --file -h --host -p --port -U --username -v --set --variable -o --output
    -L --log-file -P --pset -F --field-separator -R --record-separator -T --table-attr`,
  mysql: `-e --execute -D --database -h --host -P --port -u --user -S --socket --default-character-set
    --defaults-file --defaults-extra-file --login-path --init-command --ssl-ca --ssl-cert --ssl-key --protocol
    --connect-timeout --max-allowed-packet`,
  clickhouse: '-q --query -h --host --port -u --user --password -d --database -f --format --queries-file --config-file',
};

export const PROGRAM_SYNTAX: Readonly<Record<string, ProgramSyntax>> = {
  kubectl: KUBECTL,
  oc: KUBECTL,
  docker: DOCKER,
  podman: DOCKER,
  'docker-compose': { values: DOCKER.values, subcommand: {} },
  git: GIT,
  systemctl: {
    values: valueSet('-H --host -M --machine -p --property -t --type --state -n --lines -o --output -s --signal --kill-who --root --job-mode'),
    subcommand: {},
  },
  journalctl: {
    values: valueSet(`-u --unit -n --lines -p --priority -S --since -U --until -o --output -t --identifier -g --grep
      -D --directory --file -M --machine --user-unit -F --field --cursor --after-cursor --vacuum-size
      --vacuum-time --vacuum-files --namespace`),
  },
  heroku: { values: valueSet('-a --app -r --remote -n --num -s --source -d --dyno -p --ps -x --exit-code'), subcommand: {} },
  aws: {
    values: valueSet('--region --profile --output --endpoint-url --query --cli-read-timeout --cli-connect-timeout --color --ca-bundle --cli-binary-format'),
    subcommand: { words: 2 },
  },
  gh: {
    values: valueSet(`-R --repo -L --limit -s --state -b --body -t --title -X --method -f --raw-field -F --field -H
      --header --input -q --jq --json -B --base -l --label -a --assignee --branch -w --workflow -u --user --event -c --commit`),
    subcommand: {
      groups: valueSet('pr issue run release repo workflow secret variable cache gist label auth codespace project ruleset search extension config alias ssh-key gpg-key org'),
    },
  },
  helm: {
    values: valueSet(`-n --namespace --kube-context --kubeconfig --repo --version -f --values --set --set-string --set-file --timeout -o --output
      --revision --max --output-dir --post-renderer --post-renderer-args --api-versions --kube-version --name-template --description
      -s --show-only --registry-config --repository-config --repository-cache`),
    subcommand: { groups: valueSet('dependency repo plugin registry get show') },
  },
  terraform: { singleDashLong: true, values: valueSet('-var -var-file -target -state -backup -lock-timeout -parallelism -chdir'), subcommand: { groups: valueSet('state workspace providers') } },
  fly: { values: valueSet('-a --app -c --config -r --region -i --image -n --lines'), subcommand: { groups: valueSet('apps machines machine volumes volume secrets ips certs scale config') } },
  flyctl: { values: valueSet('-a --app -c --config -r --region -i --image -n --lines'), subcommand: { groups: valueSet('apps machines machine volumes volume secrets ips certs scale config') } },
  pm2: { values: valueSet('--lines -n --name'), subcommand: {} },
  supervisorctl: { values: valueSet('-c --configuration -s --serverurl -u --username -p --password'), subcommand: {} },
  crictl: { values: valueSet('-r --runtime-endpoint -i --image-endpoint --timeout -n --tail --since'), subcommand: {} },
  zfs: { subcommand: {} },
  zpool: { subcommand: {} },
  apt: { values: valueSet('-o -c -t'), subcommand: {} },
  'apt-cache': { values: valueSet('-o -c -t'), subcommand: {} },
  'apt-get': { values: valueSet('-o -c -t'), subcommand: {} },
  yum: { values: valueSet('-c --config --enablerepo --disablerepo'), subcommand: {} },
  dnf: { values: valueSet('-c --config --enablerepo --disablerepo'), subcommand: {} },
  apk: { values: valueSet('-X --repository -p --root'), subcommand: {} },
  nft: { values: valueSet('-f --file -I --includepath'), subcommand: {} },
  ufw: { subcommand: { groups: valueSet('app') } },
  openssl: {
    singleDashLong: true,
    values: valueSet(`-connect -servername -in -out -inform -outform -CAfile -CApath -cert -key -starttls -proxy -verify_hostname -name
      -keyout -config -sess_out -sess_in -keylogfile -msgfile -writerand -engine -keygen_engine -provider -provider-path -ssl_config
      -CA -CAkey -CAserial -signkey -sign -signature -rand -passin -passout -days -subj -extfile -extensions`),
    subcommand: {},
  },
  'redis-cli': {
    values: valueSet(`-h -p -a -s -u -n -r -i -d -D --user --pass --pattern --count --rdb --functions-rdb --eval
      --cluster --memkeys-samples --intrinsic-latency --quoted-pattern --cacert --cacertdir --cert --key --sni`),
    subcommand: {
      anyCase: true,
      groups: valueSet('config client cluster memory slowlog latency object pubsub command script function xinfo acl debug module'),
    },
  },
  psql: { values: valueSet(SQL_CLIENT_VALUES.psql) },
  mysql: { values: valueSet(SQL_CLIENT_VALUES.mysql) },
  mariadb: { values: valueSet(SQL_CLIENT_VALUES.mysql) },
  'clickhouse-client': { values: valueSet(SQL_CLIENT_VALUES.clickhouse) },
  sqlite3: { singleDashLong: true, values: valueSet('-cmd -separator -newline -nullvalue -mmap -lookaside -pagecache -vfs -maxsize -init') },
  mysqladmin: { values: valueSet('-h --host -P --port -u --user -S --socket'), subcommand: {} },
  curl: {
    values: valueSet(`-A --user-agent -b --cookie -c --cookie-jar -C --continue-at -d --data --data-raw --data-binary
      --data-urlencode --data-ascii --json -D --dump-header -e --referer -E --cert -F --form --form-string -H --header
      -K --config --proto-default -m --max-time --connect-timeout -o --output -P --ftp-port -Q --quote -r --range -T --upload-file
      -u --user -U --proxy-user -w --write-out -x --proxy -X --request -y --speed-time -Y --speed-limit -z --time-cond
      --cacert --capath --key --pass --resolve --connect-to --retry --retry-delay --retry-max-time --limit-rate
      --max-filesize --output-dir --trace --trace-ascii --stderr --interface --dns-servers --unix-socket --cert-type
      --key-type --ciphers --tls-max --url --oauth2-bearer --aws-sigv4 --hsts --alt-svc --etag-save --etag-compare
      --libcurl --proto --proto-redir --noproxy --preproxy --socks5 --expect100-timeout --keepalive-time --variable
      --url-query --create-file-mode --netrc-file --max-redirs`),
  },
  wget: {
    values: valueSet(`-O --output-document -o --output-file -a --append-output -P --directory-prefix -U --user-agent
      -t --tries -T --timeout --header --post-data --post-file --method --body-data --body-file -e --execute
      -i --input-file -Q --quota --user --password --load-cookies --save-cookies -w --wait -l --level -A --accept
      -R --reject -D --domains --limit-rate --config --use-askpass --warc-file --rejected-log --hsts-file -B --base`),
  },
  ssh: { values: valueSet('-b -B -c -D -E -e -F -I -i -J -L -l -m -O -o -p -P -Q -R -S -W -w') },
  ss: { values: valueSet('-D --diag -F --filter -f --family -A --query --socket -N --net') },
  mount: { values: valueSet('-t --types -o --options -O --test-opts -L --label -U --uuid -T --fstab -N --namespace') },
  fdisk: { values: valueSet('-o --output -b --sector-size') },
  rpm: { values: valueSet('--qf --queryformat --dbpath --root') },
  // Shell built-ins that set variables by name.
  read: { values: valueSet('-a -d -i -n -N -p -t -u') },
  printf: { values: valueSet('-v') },
  wait: { values: valueSet('-p') },
  gsutil: { values: valueSet('-h -o -u -i'), subcommand: { groups: valueSet('iam acl defacl versioning lifecycle label cors logging web') } },
  etcdctl: {
    values: valueSet(`--endpoints --cacert --cert --key -w --write-out --user --password --dial-timeout --command-timeout --keepalive-time
      --keepalive-timeout --discovery-srv --limit --rev --sort-by --order --consistency`),
    subcommand: { groups: valueSet('member endpoint alarm lease user role snapshot') },
  },
  consul: {
    singleDashLong: true,
    values: valueSet('-token -token-file -http-addr -ca-file -ca-path -client-cert -client-key -tls-server-name -datacenter -partition -namespace -format'),
    subcommand: { groups: valueSet('catalog kv') },
  },
  vault: {
    singleDashLong: true,
    values: valueSet('-address -namespace -format -field -mount -ca-cert -ca-path -client-cert -client-key -tls-server-name'),
    subcommand: { groups: valueSet('token kv secrets auth policy audit') },
  },
  tail: { values: valueSet('-n --lines -c --bytes -s --sleep-interval --pid') },
  head: { values: valueSet('-n --lines -c --bytes') },
  grep: { values: valueSet('-e --regexp -f --file -m --max-count -A -B -C --after-context --before-context --context --label --include --exclude --exclude-dir -d --directories -D --devices') },
  rg: {
    values: valueSet(`-e --regexp -f --file -g --glob -t --type -T --type-not -m --max-count -A -B -C --context -M
      --max-columns --pre --pre-glob -j --threads -E --encoding --sort --sortr -r --replace --iglob --max-depth
      --path-separator --ignore-file`),
  },
  sed: { values: valueSet('-e --expression -f --file -l --line-length') },
  awk: { values: valueSet('-F --field-separator -v --assign -f --file -e --source -i --include -l --load -E --exec') },
  find: { singleDashLong: true },
  ping: { values: valueSet('-c -i -w -W -s -t -I -p -Q -M -l -m') },
  top: { values: valueSet('-n -d -p -u -U -o -w -E -e') },
  tcpdump: { values: valueSet('-c -i -w -r -s -C -W -G -F -E -y -z -Z -B -j -M -T -V') },
  dmesg: { values: valueSet('-l --level -f --facility -n --console-level -s --buffer-size -F --file --time-format') },
  date: { values: valueSet('-d --date -f --file -r --reference -s --set') },
  sort: { values: valueSet('-o --output -k --key -t --field-separator -S --buffer-size -T --temporary-directory --parallel --files0-from --compress-program --batch-size') },
  uniq: { values: valueSet('-f --skip-fields -s --skip-chars -w --check-chars') },
  cut: { values: valueSet('-d --delimiter -f --fields -b --bytes -c --characters --output-delimiter') },
  rsync: { values: valueSet('-e --rsh --exclude --include --exclude-from --include-from --files-from --filter --bwlimit --timeout --port --password-file --log-file --out-format --backup-dir --suffix --chmod --chown --max-size --min-size --partial-dir --temp-dir -T') },
  iptables: { values: valueSet('-t --table -A --append -D --delete -I --insert -R --replace -N --new-chain -P --policy -E --rename-chain -j --jump -p --protocol -s --source -d --destination -i --in-interface -o --out-interface --dport --sport -m --match -C --check') },
  ip: { singleDashLong: true, values: valueSet('-n -netns -f -family -b -batch -rc -rcvbuf') },
  kill: { values: valueSet('-s -n --signal') },
  crontab: { values: valueSet('-u') },
  chmod: { values: valueSet('--reference') },
  chown: { values: valueSet('--reference --from') },
  yq: { values: valueSet('-o --output-format -p --input-format -I --indent --expression') },
  jq: { values: valueSet('--arg --argjson --slurpfile --rawfile --args --jsonargs -f --from-file --indent -L') },
  tar: { values: valueSet('-f --file -C --directory -I --use-compress-program -F --info-script --to-command --checkpoint-action -T --files-from -X --exclude-from') },
  tree: { values: valueSet('-L -P -I -o --filelimit') },
  nginx: { values: valueSet('-c -g -p -e -s') },
  lsof: { values: valueSet('-p -u -c -g -d -s -r -F -D') },
  free: { values: valueSet('-s --seconds -c --count') },
  watch: { values: valueSet('-n --interval -q --equexit') },
};

export function syntaxOf(program: string): ProgramSyntax {
  return Object.prototype.hasOwnProperty.call(PROGRAM_SYNTAX, program) ? PROGRAM_SYNTAX[program] : {};
}
