import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../main/engine/lib/shell/classify-command';

// Destructive commands that used to be asked about without the warning: the sub-command hidden
// behind global options, aliases, ways of stopping or scaling to zero, rollbacks, deletions,
// and commands run through wrappers whose inner command was never read.
function expectDestructive(command: string): void {
  const result = classifyCommand(command);
  expect(result.destructive, `${command}: ${result.reasons.join(' | ')}`).toBe(true);
  expect(result.readOnly).toBe(false);
  expect(result.reasons.length).toBeGreaterThan(0);
}

describe('A. global options before the sub-command', () => {
  it.each([
    'docker compose -f docker-compose.prod.yml down -v',
    'docker-compose -f prod.yml down -v',
    'docker compose -p shop --env-file .env.prod stop',
    'docker compose -f prod.yml exec db psql -c "DROP TABLE users"',
    'docker compose -f prod.yml exec -T db psql -c "DROP TABLE users"',
    'podman exec db rm -rf /var/lib/data',
    'docker -c prod rm -f web',
    'docker --context prod volume rm pgdata',
    'podman --connection prod rm -f web',
    'kubectl -v 6 delete pod api-123',
    'kubectl --certificate-authority /etc/k8s/ca.crt delete ns staging',
    'kubectl --context prod --request-timeout 5s drain node-1',
    'helm --registry-config /etc/helm/reg.json rollback api 3',
    'helm --kube-context prod uninstall api',
    // A global option's value that happens to name a harmless sub-command is still its value.
    'docker -c ps rm -f web',
    'docker compose -f logs down -v',
    'kubectl --cache-dir get delete ns staging',
  ])('%s', expectDestructive);

  it('finds the sub-command a contrived value would hide', () => {
    expect(classifyCommand('docker -c ps rm -f web').commands[0]).toMatchObject({ program: 'docker', subcommand: 'rm' });
    expect(classifyCommand('kubectl --cache-dir get delete ns staging').commands[0]).toMatchObject({ subcommand: 'delete' });
  });
});

describe('B. aliases and short forms', () => {
  it.each([
    'helm del api',
    'helm un api',
    'helm delete api',
    'pm2 del api',
    'rsync -av --del /srv/build/ web:/var/www/',
    'rsync -av --delete-after /srv/build/ web:/var/www/',
    'nft flush ruleset',
    "nft 'flush ruleset'",
    'nft -f /etc/nftables.conf',
    'ip a d 10.0.0.5/24 dev eth0',
    'ip addr del 10.0.0.5/24 dev eth0',
    'ip route del default',
    'route del default',
    'oc adm drain node-1',
    'oc delete pod api-1',
    'oc scale --replicas=0 deployment/api',
    'oc rollout undo deployment/api',
    'kubectl scale --replicas=00 deployment/api',
    'kubectl scale deployment/api --replicas 0',
  ])('%s', expectDestructive);
});

describe('C. stopping something', () => {
  it.each([
    'fuser -k 8080/tcp',
    'fuser -km /mnt/data',
    'pg_ctl -D /var/lib/postgresql/data stop -m immediate',
    'pg_ctlcluster 14 main stop',
    'httpd -k stop',
    'apachectl stop',
    '/etc/init.d/mysql stop',
    'service mysql stop',
    'invoke-rc.d nginx stop',
    'rc-service nginx stop',
    'sv down /etc/service/app',
    'supervisorctl stop worker',
    'supervisorctl signal KILL worker',
    'systemctl soft-reboot',
    'echo b | tee /proc/sysrq-trigger',
    'firewall-cmd --panic-on',
    'aws ec2 stop-instances --instance-ids i-123',
    'aws ec2 terminate-instances --instance-ids i-123',
    'aws rds reboot-db-instance --db-instance-identifier prod',
    'gcloud compute instances stop web-1',
    'gcloud compute instances delete web-1 --zone europe-west1-b',
    'az vm stop --resource-group rg-prod --name api-1',
    'az vm deallocate -g rg-prod -n api-1',
    'az vm delete -g rg-prod -n api-1',
    'curl -X POST http://localhost:8080/actuator/shutdown',
  ])('%s', expectDestructive);

  it('does not take a liveness test for stopping a process', () => {
    expect(classifyCommand('kill -s 0 12345').destructive).toBe(false);
    expect(classifyCommand('kill -0 12345').destructive).toBe(false);
    expect(classifyCommand('kill -s KILL 12345').destructive).toBe(true);
  });
});

describe('D. scaling to zero', () => {
  it.each([
    'docker service scale api=0',
    'pm2 scale api 0',
    'aws ecs update-service --cluster prod --service api --desired-count 0',
    'aws autoscaling set-desired-capacity --auto-scaling-group-name web --desired-capacity 0',
    'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web --min-size 0 --max-size 0',
  ])('%s', expectDestructive);

  it.each([
    'docker service scale api=3',
    'pm2 scale api 4',
    'aws ecs update-service --cluster prod --service api --desired-count 3',
    'kubectl scale --replicas=10 deployment/api',
  ])('does not flag scaling to more: %s', (command) => {
    expect(classifyCommand(command).destructive).toBe(false);
  });
});

describe('E. rollbacks', () => {
  it.each([
    'zfs rollback -r tank/data@yesterday',
    'docker service rollback api',
    'rake db:rollback',
    'rails db:rollback',
    'bin/rails db:rollback STEP=2',
    'heroku run bin/rails db:rollback -a shop',
    'bundle exec rails db:rollback',
    'alembic downgrade -1',
    './rollback.sh',
    './deploy.sh --rollback v41',
    'flyway undo',
    'knex migrate:rollback',
    'sequelize db:migrate:undo',
  ])('%s', expectDestructive);
});

describe('F. deleting data', () => {
  it.each([
    'cp /dev/null /var/log/app.log',
    'cp disk.img /dev/nvme1n1',
    'mkfs.ntfs -f /dev/sdc1',
    'blkdiscard /dev/nvme1n1',
    'wipefs -a /dev/sdb',
    'tar --remove-files -czf /backup/logs.tgz /var/log/app',
    'dpkg --purge nginx',
    'dpkg -P nginx',
    'rpm -e --nodeps openssl',
    'apt purge nginx',
    'snap remove microk8s',
    'pip uninstall -y requests',
    'systemctl clean --what=all app',
    'journalctl --vacuum-time=2d',
    'journalctl --vacuum-size 500M',
    'journalctl --vacuum-files=3',
    'crontab /dev/null',
    'crontab -l | grep -v backup | crontab -',
    'iptables-restore < /etc/iptables/rules.v4',
    'terraform state push old.tfstate',
    'terragrunt destroy',
    'terragrunt run-all destroy',
    'pulumi destroy --yes',
    'pulumi stack rm prod',
    'aws s3 mv s3://data/a s3://data/b --recursive',
    'aws s3 rb s3://data --force',
    'aws kms schedule-key-deletion --key-id abc --pending-window-in-days 7',
    'gcloud storage rm -r gs://backups/2023',
    'gsutil -m rm -r gs://backups/2023',
    'gsutil rb gs://backups',
    'gcloud sql backups restore 123 --restore-instance=prod',
    'az storage blob delete --account-name prodsa -c backups -n x',
    'az storage blob delete-batch -s backups --account-name prodsa',
    'az keyvault purge --name prod-kv',
    'az rest --method DELETE --url https://management.azure.com/x',
    'az rest --method=DELETE --url https://management.azure.com/x',
    'mongorestore --drop /backup/dump',
    "cqlsh -e 'DROP KEYSPACE app'",
    'rabbitmqctl purge_queue jobs',
    'rabbitmqctl delete_queue jobs',
    'rabbitmqctl reset',
    'kafka-topics --bootstrap-server k:9092 --delete --topic events',
    'echo flush_all | nc localhost 11211',
    'flyway clean',
    'python manage.py flush --noinput',
    'npx prisma migrate reset --force',
    'http DELETE localhost:9200/logs',
    'wget --method=DELETE -O- http://localhost:9200/logs',
    "curl -XPOST 'localhost:9200/logs/_delete_by_query' -d '{\"query\":{\"match_all\":{}}}'",
    'rclone sync /data remote:backup',
    'rclone purge remote:old',
    'rclone delete remote:old',
    'mc rm --recursive --force minio/backups',
    'etcdctl del --prefix /registry/pods',
    'etcdctl --endpoints https://etcd:2379 del /registry/pods/x',
    'consul kv delete -recurse app/',
    'vault kv delete secret/app',
    'vault kv destroy -versions=1 secret/app',
    'vault kv metadata delete secret/app',
  ])('%s', expectDestructive);
});

describe('G. commands run through wrappers', () => {
  it.each([
    'strace -f rm -rf /data/old',
    'ltrace rm -rf /data/old',
    'chrt -f 10 rm -rf /data/old',
    'taskset -c 0 rm -rf /data/old',
    'systemd-run rm -rf /data/old',
    "script -qc 'rm -rf /data/old' /dev/null",
    "ansible all -a 'rm -rf /data/old'",
    "ansible all -m shell -a 'rm -rf /data/old'",
    "sshpass -p pw ssh db1 'rm -rf /data'",
    "fly ssh console -C 'rm -rf /data'",
    'heroku run rails db:rollback -a app',
    "heroku pg:psql -c 'DROP TABLE users' -a app",
    "heroku pg:psql -a app <<< 'DROP TABLE users'",
    "gcloud compute ssh web-1 --command 'sudo rm -rf /var/lib/app'",
    'aws ssm send-command --document-name AWS-RunShellScript --parameters commands="rm -rf /data" --instance-ids i-1',
    'aws ssm send-command --document-name AWS-RunShellScript --parameters \'{"commands":["uptime","rm -rf /data"]}\'',
    'parallel rm ::: /data/a /data/b',
    "parallel 'rm -rf {}' ::: /data/a /data/b",
    "git submodule foreach 'git clean -fdx'",
    'ls | xargs -0 -r rm -f',
    'flock /tmp/lock rm -rf /data',
    'ionice -c3 rm -rf /data',
    'stdbuf -oL rm -rf /data',
    'unbuffer rm -rf /data',
    'setsid rm -rf /data',
    'runuser -u app -- rm -rf /data',
    'doas rm -rf /data',
    'pkexec rm -rf /data',
    'chroot /mnt rm -rf /data',
    'nsenter -t 1 -m -u -n -p rm -rf /data',
    'ip netns exec blue rm -rf /data',
    'docker run --rm -v /data:/data alpine rm -rf /data/x',
    'npx prisma migrate reset',
  ])('%s', expectDestructive);

  it('still lets a read-only command through a wrapper that changes nothing itself', () => {
    expect(classifyCommand("fly ssh console -C 'uptime'").readOnly).toBe(true);
    expect(classifyCommand("heroku pg:psql -a app -c 'SELECT 1'").readOnly).toBe(true);
    expect(classifyCommand('git submodule foreach git status').readOnly).toBe(true);
    expect(classifyCommand('strace -p 1234').readOnly).toBe(false);
    expect(classifyCommand("ansible web -m file -a 'path=/x state=absent'").readOnly).toBe(false);
  });
});

describe('what must not be flagged', () => {
  it.each([
    'docker compose -f prod.yml ps',
    'docker compose -f prod.yml logs --tail 100 api',
    'docker compose -f prod.yml logs -f --tail 100 api',
    'docker logs -f api',
    'kubectl -n prod get pods',
    'kubectl -v 6 get pods',
    'helm -n prod list',
    'systemctl status nginx',
    'echo hello > /dev/null',
    'aws ec2 describe-instances',
    'ip route show',
    'nft list ruleset',
    'crontab -l',
    'journalctl -u nginx -n 100',
    'etcdctl get / --prefix --keys-only',
    'vault kv get secret/app',
    'gsutil ls gs://backups',
  ])('%s is read-only', (command) => {
    const result = classifyCommand(command);
    expect(result.destructive).toBe(false);
    expect(result.readOnly, result.reasons.join(' | ')).toBe(true);
  });

  it.each([
    'service mysql status',
    'wipefs /dev/sdb',
    './deploy.sh --no-rollback v42',
    'curl http://localhost:8080/actuator/health',
    'az vm list -g rg-prod',
    'rclone copy /data remote:backup',
    'iptables-restore --noflush < extra.rules',
    'nft -c -f /etc/nftables.conf',
    'shutdown -c',
  ])('%s is not destructive', (command) => {
    expect(classifyCommand(command).destructive).toBe(false);
  });
});

describe('redirections that destroy', () => {
  const destructive = (command: string) => classifyCommand(command).destructive;
  it.each(['echo > /etc/app/mode', 'echo "" > /var/lib/app/state', "printf '' > app.conf", 'echo b > /proc/sysrq-trigger', 'cat img > /dev/mapper/vg0-data', 'echo 3 > /proc/sys/vm/drop_caches'])(
    '%s is destructive',
    (command) => expect(destructive(command)).toBe(true),
  );
  it.each(['echo hello > /dev/null', 'echo "" >> notes.txt', 'echo ok > /tmp/out.txt 2>&1'])('%s is not destructive', (command) => expect(destructive(command)).toBe(false));
});
