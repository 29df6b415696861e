import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, importFixture } from './runbooks';

// Runbooks written in the styles teams publish them in (Kubernetes and OpenShift alert runbooks,
// database runbooks, security playbooks, PagerDuty-style guides), with what a careful reader
// says about them: the commands that destroy data or stop a service, and the lines pasted from a
// terminal that are output. Across all of them at least 95 % of the destructive commands are
// flagged, and no step starts with a prompt or holds output.

interface Expected {
  /** A piece of each command that must be flagged destructive. */
  destructive: string[];
  /** A piece of each line that is output, not a command. */
  output: string[];
}

const CORPUS: Record<string, Expected> = {
  'k8s-pod-crashlooping.md': { destructive: ['kubectl rollout undo', 'kubectl delete pod'], output: ['api-7d9f8b6c5d-x2k4l', 'RESTARTS'] },
  'k8s-node-not-ready.md': { destructive: ['kubectl drain', 'systemctl restart kubelet'], output: ['PLEG is not healthy'] },
  'k8s-pvc-filling-up.md': { destructive: ['rm -rf /prometheus/', 'kubectl delete pvc'], output: ['pvc-2f0a6c1e', '/dev/sdb'] },
  'openshift-etcd-fsync.md': { destructive: ['member remove', 'oc delete pod'], output: ['etcd-master-0         4/4'] },
  'openshift-operator-degraded.md': { destructive: ['oc delete pods', 'oc rollout restart'], output: ['4.15.3    True'] },
  'postgres-replication-lag.md': { destructive: ['systemctl stop postgresql', 'rm -rf /var/lib/postgresql'], output: ['10.0.3.12', '(1 row)'] },
  'postgres-disk-full.md': { destructive: ['pg_drop_replication_slot', 'DROP TABLE events_2023_01', 'DROP TABLE events_2023_02'], output: [] },
  'mysql-deadlocks.md': { destructive: ['KILL 88123', 'DELETE FROM reservations'], output: ['| 88123 | app', '1 row in set', '+-------+'] },
  'redis-memory.md': { destructive: ['xargs redis-cli', 'flushdb'], output: ['used_memory_human:7.71G'] },
  'mongodb-primary-down.md': { destructive: ['systemctl restart mongod', 'rs.remove'], output: ["'PRIMARY'"] },
  'security-leaked-credentials.md': { destructive: ['delete-access-key'], output: [] },
  'security-ssh-bruteforce.md': { destructive: ['pkill -KILL'], output: ['4211 203.0.113.77'] },
  'pagerduty-incident-response.md': { destructive: [], output: ['We are investigating'] },
  'pagerduty-service-runbook.md': { destructive: ['--replicas=0', 'purge_queue'], output: [] },
  'nginx-5xx.md': { destructive: ['systemctl restart nginx'], output: [] },
  'linux-disk-full.md': { destructive: ['-mtime +7 -delete', 'journalctl --vacuum-size', 'truncate -s 0', ': > /var/log/app/debug.log'], output: [] },
  'tls-certificate-expiry.md': { destructive: ['certbot delete'], output: ['notAfter='] },
  'kafka-consumer-lag.md': { destructive: ['--reset-offsets', 'kafka-topics.sh --bootstrap-server kafka:9092 --delete'], output: ['billing   invoices'] },
  'docker-host-cleanup.md': { destructive: ['docker container prune', 'docker image prune', 'docker rm -f', 'docker volume rm'], output: [] },
  'terraform-drift.md': { destructive: ['apply -target', 'state rm', 'destroy -auto-approve'], output: [] },
  'helm-rollback.md': { destructive: ['helm rollback', 'helm uninstall'], output: ['superseded', 'REVISION'] },
  'elasticsearch-red.md': { destructive: ['curl -XDELETE'], output: ['"status" : "red"', '"cluster_name"'] },
  'aws-rds-failover.md': { destructive: ['--force-failover', 'delete-db-snapshot'], output: [] },
  'systemd-service-flapping.md': { destructive: ['systemctl stop payments', 'systemctl disable payments', 'systemctl mask payments'], output: ['Active: activating', '● payments'] },
};

const PROMPT = /^(?:\$\s|#\s|PS[ >]|[\w.-]+@[\w.-]+\S*[$#]\s|\[[^\]]+\][$#]|sh-\d|[\w-]+=[#>]|mysql>)/;

function measure() {
  let destructive = 0;
  let flagged = 0;
  const missed: string[] = [];
  const prompted: string[] = [];
  const output: string[] = [];
  for (const [file, expected] of Object.entries(CORPUS)) {
    const steps = importFixture(path.join('corpus', file)).procedures.flatMap((p) => p.steps);
    for (const piece of expected.destructive) {
      const found = steps.filter((s) => (s.written ?? s.command).includes(piece));
      if (found.length === 0) throw new Error(`${file}: no step holds "${piece}"`);
      destructive += 1;
      if (found.every((s) => s.destructive)) flagged += 1;
      else missed.push(`${file}: ${piece}`);
    }
    for (const s of steps) if (PROMPT.test(s.command)) prompted.push(`${file}: ${s.command}`);
    for (const piece of expected.output) for (const s of steps) if (s.command.includes(piece)) output.push(`${file}: ${piece}`);
  }
  return { destructive, flagged, missed, prompted, output };
}

describe('runbooks in the styles teams publish', () => {
  it('covers every runbook of the corpus', () => {
    expect(Object.keys(CORPUS).sort()).toEqual(readdirSync(path.join(FIXTURE_DIR, 'corpus')).sort());
  });

  it('flags at least 95 % of the destructive commands; no step starts with a prompt or holds output', () => {
    const m = measure();
    expect(m.destructive).toBeGreaterThanOrEqual(45);
    expect(m.flagged / m.destructive, `missed: ${m.missed.join('; ')}`).toBeGreaterThanOrEqual(0.95);
    expect(m.prompted).toEqual([]);
    expect(m.output).toEqual([]);
  });
});
