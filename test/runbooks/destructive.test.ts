import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../main/engine/lib/shell/destructive';

describe('classifyCommand', () => {
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
  ])('flags %s', (command, reason) => {
    const result = classifyCommand(command);
    expect(result.destructive).toBe(true);
    expect(result.reasons).toContain(reason);
  });

  it('looks inside container and cluster exec', () => {
    expect(classifyCommand('docker exec app rm -rf /data').reasons).toEqual(['`rm -r`/`rm -f` deletes files and directories without asking']);
    expect(classifyCommand('kubectl exec -it web -- rm -rf /cache').reasons).toEqual(['`rm -r`/`rm -f` deletes files and directories without asking']);
    expect(classifyCommand('echo $(rm -rf /tmp/x)').destructive).toBe(true);
    expect(classifyCommand('kubectl exec web -- sudo')).toEqual({ destructive: false, reasons: [] });
  });

  it('lists every reason once for a command that does several things', () => {
    const result = classifyCommand('docker compose down\ndocker volume rm data\nrm -rf ./tmp && rm -rf ./cache');
    expect(result.reasons).toEqual(['`docker volume rm` deletes the volume and its data', '`rm -r`/`rm -f` deletes files and directories without asking']);
  });

  it.each([
    'docker ps | grep heroforge',
    'docker logs heroforge --tail 100',
    'docker system df',
    'docker compose down',
    'git checkout <previous-tag-or-commit>',
    'git push origin hotfix/incident-1',
    'git log --oneline -10',
    'kubectl get pods -l app=delete',
    'kubectl rollout undo deployment/web',
    'sqlite3 app.db "DELETE FROM sessions WHERE expires < now();"',
    'psql -c "UPDATE users SET admin = false WHERE id = 1"',
    'psql -c "SELECT 1"',
    'cp heroforge.db heroforge.db.incident-$(date +%s)',
    'curl http://localhost/health > incident-metrics.json',
    'docker logs heroforge 2>&1 | grep -i oom',
    'echo "drop in traffic" | notify-team',
    'grep "truncated" app.log',
    'heroku rollback -a api',
  ])('leaves %s alone', (command) => {
    expect(classifyCommand(command)).toEqual({ destructive: false, reasons: [] });
  });

  it('stays fast on a huge command', () => {
    const command = 'kubectl get pods; '.repeat(50_000) + 'DELETE FROM x '.repeat(20_000);
    const started = performance.now();
    expect(classifyCommand(command).destructive).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
