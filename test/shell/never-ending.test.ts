import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../main/engine/lib/shell/classify-command';

function show(command: string): string {
  return `${command}\n  never=${JSON.stringify(classifyCommand(command).never)}`;
}

describe('never-ending commands', () => {
  it.each([
    ['tail -f /var/log/syslog', 'tail -n 200 /var/log/syslog'],
    ['tail -F app.log -n 50', 'tail app.log -n 50'],
    ['tail -fn 100 app.log', 'tail -n 100 app.log'],
    ['tail --follow=name app.log', 'tail -n 200 app.log'],
    ['sudo tail -f /var/log/auth.log', 'sudo tail -n 200 /var/log/auth.log'],
    ['kubectl logs -f deploy/web', 'kubectl logs --tail=200 deploy/web'],
    ['kubectl logs --follow web --tail=50', 'kubectl logs web --tail=50'],
    ['kubectl -n prod logs -f web | grep ERROR', 'kubectl -n prod logs --tail=200 web | grep ERROR'],
    ['kubectl get pods -w', 'kubectl get pods'],
    ['kubectl get pods --watch -n prod', 'kubectl get pods -n prod'],
    ['docker logs -f web', 'docker logs --tail 200 web'],
    ['docker compose logs -f api', 'docker compose logs --tail 200 api'],
    ['docker stats', 'docker stats --no-stream'],
    ['docker events', 'docker events --since 10m --until 0s'],
    ['journalctl -fu nginx', 'journalctl -u nginx -n 200'],
    ['journalctl -u nginx -f', 'journalctl -u nginx -n 200'],
    ['journalctl --follow -n 20', 'journalctl -n 20'],
    ['heroku logs --tail -a api', 'heroku logs -n 200 -a api'],
    ['heroku logs -t', 'heroku logs -n 200'],
    ['fly logs -a app', 'fly logs --no-tail -a app'],
    ['watch -n 5 kubectl get pods', 'kubectl get pods'],
    ["watch 'kubectl get pods | grep web'", 'kubectl get pods | grep web'],
    ['top', 'top -b -n 1'],
    ['top -d 5', 'top -d 5 -b -n 1'],
    ['htop', 'top -b -n 1'],
    ['ping 10.0.0.1', 'ping -c 4 10.0.0.1'],
    ['ping -i 0.2 db', 'ping -c 4 -i 0.2 db'],
    ['vmstat 1', 'vmstat 1 5'],
    ['iostat -x 2', 'iostat -x 2 5'],
    ['free -s 2', 'free -s 2 -c 5'],
    ['tcpdump -i eth0 port 80', 'tcpdump -c 100 -i eth0 port 80'],
    ['dmesg -w', 'dmesg'],
    ['less /var/log/syslog', 'cat /var/log/syslog'],
    ['openssl s_client -connect db:443', 'openssl s_client -connect db:443 </dev/null'],
    ['date; tail -f x.log', 'date; tail -n 200 x.log'],
  ])('%s ends as %s', (command, bounded) => {
    const never = classifyCommand(command).never;
    expect(never, show(command)).not.toBeNull();
    expect(never?.reason.length, show(command)).toBeGreaterThan(0);
    expect(never?.bounded, show(command)).toBe(bounded);
  });

  it.each([
    ['while true; do date; sleep 1; done', '`while true` loops forever'],
    ['until false; do date; done', '`until false` loops forever'],
    ['for ((;;)); do date; done', '`for ((;;))` loops forever'],
    ['sleep infinity', '`sleep infinity` never ends'],
    ['redis-cli MONITOR', 'Redis `MONITOR` streams until it is stopped'],
    ['redis-cli --stat', '`redis-cli --stat`/`--latency` reports until it is stopped'],
    ["psql -c 'SELECT count(*) FROM jobs' -c '\\watch 5'", 'psql `\\watch` repeats the query until it is stopped'],
    ['kubectl port-forward svc/web 8080:80', '`kubectl port-forward` runs until it is stopped'],
    ['yes', '`yes` prints until it is stopped'],
    ['redis-cli -r -1 -i 1 INFO clients', '`redis-cli -r -1` repeats the command until it is stopped'],
    ['vim /etc/hosts', '`vim` waits for keyboard input'],
    ["ssh web-1 'tail -f /var/log/app.log'", '`tail -f` follows the file and never ends'],
  ])('%s never ends: %s', (command, reason) => {
    const never = classifyCommand(command).never;
    expect(never?.reason, show(command)).toBe(reason);
  });

  it('explains a follow inside another command without rewriting it', () => {
    expect(classifyCommand("sh -c 'journalctl -f'").never).toEqual({ reason: '`journalctl -f` follows the journal and never ends' });
  });

  it('reports only the first never-ending command', () => {
    expect(classifyCommand('tail -f a; journalctl -f').never?.reason).toBe('`tail -f` follows the file and never ends');
  });

  it('keeps a never-ending read-only command read-only', () => {
    const c = classifyCommand('kubectl logs -f web');
    expect(c.readOnly).toBe(true);
    expect(c.never).not.toBeNull();
  });

  it.each([
    'tail -n 100 x',
    'tail x',
    'kubectl logs --tail=100 web',
    'timeout 30 tail -f x',
    'timeout 10 kubectl logs -f web',
    'journalctl -n 50',
    'journalctl -u nginx --since today',
    'top -b -n 1',
    'ping -c 3 db',
    'ping -w 5 db',
    'vmstat',
    'vmstat 1 5',
    'docker stats --no-stream',
    'docker events --since 1h --until 0s',
    'heroku logs -n 100',
    'fly logs --no-tail',
    'kubectl rollout status deploy/web',
    'kubectl get pods',
    'while read line; do echo "$line"; done < f',
    'while true; do if curl -sf localhost; then break; fi; sleep 1; done',
    'sleep 5',
    'redis-cli GET k',
    "psql -c 'SELECT 1'",
    'openssl s_client -connect db:443 </dev/null',
    'echo | openssl s_client -connect db:443',
    'tcpdump -r capture.pcap',
  ])('%s ends', (command) => {
    expect(classifyCommand(command).never, show(command)).toBeNull();
  });
});
