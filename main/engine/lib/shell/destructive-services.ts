// Destructive rules for processes, services, the machine and its network: what stops,
// restarts or cuts something off.
import { valueOf, type DestructiveRule } from './destructive-rule';
import type { Invocation } from './invocation';

/** Signal 0 only tests that the process exists: `kill -0 PID`, `kill -s 0 PID`. */
function testsOnly(inv: Invocation): boolean {
  return inv.has('-0') || /^(SIG)?0$/i.test(valueOf(inv, '-s', '-n', '--signal') ?? '');
}

/** Init-script and service actions that stop or restart the service (OpenRC's `zap` only resets its state). */
const STOPPING_ACTION = /^(stop|restart|force-reload|force-stop|force-restart|try-restart|condrestart|kill)$/;

/** runit's `sv` commands, also by first letter, that stop a service or send it a stopping signal. */
const SV_STOPPING = /^(d|down|k|kill|t|term|x|exit|i|interrupt|q|quit|stop|restart|shutdown|force-stop|force-reload|force-restart|force-shutdown)$/;

/** What `apachectl`/`httpd` is told to do: `-k ACTION`, or the bare action for apachectl. */
function apacheAction(inv: Invocation): string {
  return valueOf(inv, '-k') ?? (inv.kind === 'apachectl' ? inv.operands[0] ?? '' : '');
}

/** iproute2 takes any prefix of a command: `ip a d` is `ip address delete`. */
const IP_REMOVING = /^(d|de|del|dele|delet|delete|f|fl|flu|flus|flush)$/;

export const SERVICE_RULES: readonly DestructiveRule[] = [
  // `kill -l`/`killall -l` list signal names; `pkill -l` lists what it kills, and still kills.
  { command: ['kill', 'killall'], when: (inv) => inv.has('-l', '-L', '--list'), harmless: true },
  { command: ['kill', 'pkill', 'killall'], when: testsOnly, harmless: true },
  {
    command: 'kill',
    when: (inv) => inv.has('-9', '-KILL', '-SIGKILL') || ['9', 'KILL', 'SIGKILL'].includes(valueOf(inv, '-s', '-n', '--signal') ?? ''),
    reason: '`kill -9` ends processes at once, without letting them clean up',
  },
  { command: 'kill', reason: '`kill` stops processes' },
  { command: ['killall', 'pkill'], reason: '`{program}` stops every process that matches' },
  { command: 'fuser', when: (inv) => inv.has('-k', '--kill'), reason: '`fuser -k` kills every process using the file, mount or port' },
  { command: 'shutdown', when: (inv) => inv.has('-c'), harmless: true },
  { command: ['reboot', 'shutdown', 'poweroff', 'halt'], reason: '`{program}` stops or restarts the machine' },
  { command: ['init', 'telinit'], when: (inv) => ['0', '6'].includes(inv.operands[0]), reason: '`{program} 0`/`6` stops or restarts the machine' },
  { command: ['systemctl stop', 'systemctl kill'], reason: '`systemctl stop` stops a service' },
  { command: ['systemctl restart', 'systemctl try-restart', 'systemctl reload-or-restart', 'systemctl try-reload-or-restart'], reason: '`systemctl restart` restarts a service, interrupting it' },
  { command: 'systemctl disable', reason: '`systemctl disable` keeps a service from starting at boot' },
  { command: 'systemctl mask', reason: '`systemctl mask` makes a service impossible to start' },
  { command: ['systemctl isolate', 'systemctl rescue', 'systemctl emergency'], reason: '`systemctl isolate` stops every service outside the target' },
  {
    command: ['systemctl reboot', 'systemctl poweroff', 'systemctl halt', 'systemctl kexec', 'systemctl soft-reboot', 'systemctl suspend', 'systemctl hibernate', 'systemctl hybrid-sleep', 'systemctl suspend-then-hibernate'],
    reason: '`systemctl reboot` stops or restarts the machine',
  },
  { command: 'systemctl clean', reason: '`systemctl clean` deletes the service\'s cache, state, logs or runtime data' },
  {
    command: 'journalctl',
    when: (inv) => inv.has('--vacuum-time', '--vacuum-size', '--vacuum-files'),
    reason: '`journalctl --vacuum-*` deletes old journal files',
  },
  { command: ['service', 'invoke-rc.d', 'rc-service'], when: (inv) => STOPPING_ACTION.test(inv.operands[1] ?? ''), reason: '`{program} … stop`/`restart` stops or restarts a service' },
  // `/etc/init.d/NAME stop`: destructiveReasons files scripts run from there under `init.d`.
  { command: 'init.d', when: (inv) => STOPPING_ACTION.test(inv.operands[0] ?? ''), reason: '`/etc/init.d/… stop`/`restart` stops or restarts a service' },
  { command: 'sv', when: (inv) => SV_STOPPING.test(inv.operands.find((o) => !/^\d+$/.test(o)) ?? ''), reason: '`sv down`/`kill` stops a service' },
  { command: ['supervisorctl stop', 'supervisorctl restart', 'supervisorctl shutdown'], reason: '`supervisorctl stop`/`restart` stops or restarts programs' },
  // HUP and USR1/USR2 conventionally ask a program to reload or reopen its logs.
  { command: 'supervisorctl signal', when: (inv) => !/^(SIG)?(HUP|USR1|USR2|1|10|12)$/i.test(inv.rest[0] ?? ''), reason: '`supervisorctl signal` sends a signal that stops programs' },
  { command: ['pm2 stop', 'pm2 restart', 'pm2 reload', 'pm2 delete', 'pm2 del', 'pm2 kill'], reason: '`pm2 stop`/`restart`/`delete` stops or restarts processes' },
  { command: 'pm2 scale', when: (inv) => /^0+$/.test(inv.rest[1] ?? ''), reason: '`pm2 scale … 0` stops every instance of the app' },
  { command: 'nginx', when: (inv) => /^(stop|quit)$/.test(inv.value('-s') ?? ''), reason: '`nginx -s stop` stops the web server' },
  { command: ['apachectl', 'httpd'], when: (inv) => /^(stop|graceful-stop|restart|graceful)$/.test(apacheAction(inv)), reason: '`{program} stop`/`restart` stops or restarts the web server' },
  { command: 'pg_ctl', when: (inv) => inv.operands.some((o) => /^(stop|restart|kill)$/.test(o)), reason: '`pg_ctl stop`/`restart` stops or restarts the PostgreSQL server' },
  { command: 'pg_ctlcluster', when: (inv) => STOPPING_ACTION.test(inv.operands[2] ?? ''), reason: '`pg_ctlcluster … stop`/`restart` stops or restarts a PostgreSQL cluster' },

  // Firewalls and networking: mistakes here can also cut off the connection itself.
  { command: 'iptables', when: (inv) => inv.has('-F', '--flush', '-X', '--delete-chain'), reason: '`{program} -F`/`-X` removes every firewall rule in a chain or table' },
  { command: 'iptables', when: (inv) => inv.has('-D', '--delete', '-P', '--policy'), reason: '`{program} -D`/`-P` removes a firewall rule or changes a default policy' },
  // Without --noflush, a restore first removes every rule in the tables it loads.
  {
    command: ['iptables-restore', 'ip6tables-restore', 'iptables-legacy-restore', 'iptables-nft-restore', 'ip6tables-legacy-restore', 'ip6tables-nft-restore'],
    when: (inv) => !inv.has('-n', '--noflush', '-t', '--test'),
    reason: '`{program}` replaces every firewall rule with the saved ones',
  },
  // nft reads its command from all its words joined, so `nft 'flush ruleset'` is `nft flush ruleset`.
  { command: 'nft', when: (inv) => /^(flush|delete|destroy)\b/.test(inv.operands.join(' ').trim()), reason: '`nft flush`/`delete` removes firewall rules' },
  { command: 'nft', when: (inv) => inv.has('-f', '--file') && !inv.has('-c', '--check'), reason: '`nft -f` loads a ruleset file, which usually starts by removing every rule' },
  { command: ['ufw disable', 'ufw reset', 'ufw delete'], reason: '`ufw disable`/`reset`/`delete` removes firewall protection' },
  { command: 'firewall-cmd', when: (inv) => inv.has('--panic-on'), reason: '`firewall-cmd --panic-on` drops all network traffic, cutting off every connection' },
  { command: 'ip', when: (inv) => inv.operands.includes('down') || IP_REMOVING.test(inv.operands[1] ?? ''), reason: '`ip … down`/`del`/`flush` takes a network interface, address or route away' },
  { command: 'route', when: (inv) => inv.operands.some((o) => o === 'del' || o === 'delete'), reason: '`route del` removes a route, possibly the one this connection uses' },
  { command: ['ifdown'], reason: '`ifdown` takes a network interface down' },
  { command: 'ifconfig', when: (inv) => inv.operands.includes('down'), reason: '`ifconfig … down` takes a network interface down' },
];
