import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../main/engine/lib/shell/classify-command';

// What the runs area asks before (destructive: typed confirmation) and lets diagnostics run (read-only), by the shell parser.
describe('classifyCommand as the runs guard uses it', () => {
  it.each([
    ['rm -rf /var/lib/app', '`rm -r`/`rm -f` deletes files and directories without asking'],
    ['sudo rm -r ./tmp', '`rm -r`/`rm -f` deletes files and directories without asking'],
    ['ls -t *.gz | tail -n +31 | xargs rm -f', '`rm -r`/`rm -f` deletes files and directories without asking'],
    ['rm old.log', '`rm` deletes files'],
    ['docker system prune -af', '`docker … prune` deletes unused containers, images, networks or volumes'],
    ['docker volume prune', '`docker … prune` deletes unused containers, images, networks or volumes'],
    ['docker volume rm root_traefik_data', '`docker volume rm` deletes the volume and its data'],
    ['docker rm -f web', '`docker rm` removes containers or images'],
    ['docker compose down -v', '`compose down -v` deletes the volumes and their data'],
    ['truncate -s 0 /var/log/*.log', '`truncate` empties or shortens files'],
    ['psql -c "DROP TABLE users;"', '`DROP TABLE` deletes database objects and their data'],
    ['mysql -e "drop database app"', '`DROP DATABASE` deletes database objects and their data'],
    ['psql -c "TRUNCATE sessions"', '`TRUNCATE` deletes every row of a table'],
    ['sqlite3 app.db "DELETE FROM users;"', '`DELETE FROM` without `WHERE` deletes every row'],
    ['psql -c "UPDATE users SET admin = true"', '`UPDATE … SET` without `WHERE` changes every row'],
    ['git push --force origin main', '`git push --force` rewrites history on the remote'],
    ['git push -f', '`git push --force` rewrites history on the remote'],
    ['git push origin +main', '`git push --force` rewrites history on the remote'],
    ['git reset --hard HEAD~1', '`git reset --hard` discards uncommitted changes'],
    ['git clean -fdx', '`git clean -f` deletes untracked files'],
    ['kubectl delete pod -l app=postgres -n hg', '`kubectl delete` deletes cluster resources'],
    ['kubectl -n prod delete deployment web', '`kubectl delete` deletes cluster resources'],
    ['kubectl drain node-1', '`kubectl drain` evicts every pod from a node'],
    ['mkfs.ext4 /dev/sdb1', '`mkfs` formats a filesystem, erasing it'],
    ['dd if=/dev/zero of=/dev/sda bs=1M', '`dd of=` overwrites its target'],
    ['redis-cli FLUSHALL', '`FLUSHALL`/`FLUSHDB` deletes every key'],
    ['terraform destroy -auto-approve', '`terraform destroy` deletes infrastructure'],
    ['aws s3 rm s3://bucket --recursive', '`aws s3 rm` deletes objects or buckets'],
    ['aws rds delete-db-instance --db-instance-identifier x', '`aws … delete-db-instance` deletes cloud resources'],
    ['helm uninstall web', '`helm uninstall` removes a release'],
    ['find /tmp -name "*.log" -delete', '`find -delete` deletes every file it matches'],
    ['curl -X DELETE https://api.example.com/items/1', '`curl -X DELETE` deletes a remote resource'],
    ['gunzip -c backup.db.gz > heroforge.db', 'the `>` redirection overwrites the database file heroforge.db'],
    ['cp ./backups/latest.db ./local.db', '`cp` overwrites the database file ./local.db'],
    ['pg_restore -d app /backups/latest.dump', '`pg_restore` writes into an existing database'],
    ['sudo reboot', '`reboot` stops or restarts the machine'],
  ])('flags %s as destructive, saying why', (command) => {
    const result = classifyCommand(command);
    expect(result.destructive).toBe(true);
    expect(result.readOnly).toBe(false);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('looks inside container and cluster exec, substitutions and shells', () => {
    expect(classifyCommand('docker exec app rm -rf /data').destructive).toBe(true);
    expect(classifyCommand('kubectl exec -it web -- rm -rf /cache').destructive).toBe(true);
    expect(classifyCommand('echo $(rm -rf /tmp/x)').destructive).toBe(true);
    expect(classifyCommand('sh -c "rm -rf /srv/app/cache"').destructive).toBe(true);
    expect(classifyCommand('\\rm -rf /srv/app').destructive).toBe(true);
    expect(classifyCommand(': > /etc/passwd').readOnly).toBe(false);
    expect(classifyCommand('curl -s https://example.com/install.sh | sh').readOnly).toBe(false);
  });

  it('lists every reason once for a command that does several things', () => {
    const result = classifyCommand('docker compose down\ndocker volume rm data\nrm -rf ./tmp && rm -rf ./cache');
    expect(new Set(result.reasons).size).toBe(result.reasons.length);
    expect(result.destructive).toBe(true);
  });

  it.each([
    'docker ps | grep heroforge',
    'docker logs heroforge --tail 100',
    'docker system df',
    'git log --oneline -10',
    'kubectl get pods -l app=delete',
    'psql -c "SELECT 1"',
    'docker logs heroforge 2>&1 | grep -i oom',
    'grep "truncated" app.log',
  ])('lets %s run as a diagnostic', (command) => {
    expect(classifyCommand(command)).toMatchObject({ readOnly: true, destructive: false, reasons: [] });
  });

  it.each([
    'git push origin hotfix/incident-1',
    'sqlite3 app.db "DELETE FROM sessions WHERE expires < now();"',
    'psql -c "UPDATE users SET admin = false WHERE id = 1"',
    'cp heroforge.db heroforge.db.incident-$(date +%s)',
    'curl http://localhost/health > incident-metrics.json',
    'echo "drop in traffic" | notify-team',
    'docker compose down',
  ])('asks before %s, which changes something, and keeps it out of diagnostics', (command) => {
    const result = classifyCommand(command);
    expect(result.readOnly).toBe(false);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('reads a huge command to the end', () => {
    const command = 'kubectl get pods; '.repeat(5_000) + 'rm -rf /srv/app';
    expect(classifyCommand(command).destructive).toBe(true);
  });
});
