import type { ProcedureInputDefinition } from './procedure-types';

// Diagnostics from the example runbooks' "Common Incidents" sections, with
// the service-specific names turned into parameters. Read-only by design:
// defineProcedure refuses a diagnostic with a destructive command.

const container = {
  name: 'container',
  label: 'Docker container of the service',
  example: 'heroforge',
  pattern: '[A-Za-z0-9][A-Za-z0-9_.-]*',
};
const proxyContainer = {
  name: 'proxyContainer',
  label: 'Reverse proxy container (Traefik, nginx)',
  example: 'root-traefik-1',
  pattern: '[A-Za-z0-9][A-Za-z0-9_.-]*',
};
const diskPath = { name: 'diskPath', label: 'Directory whose disk to check', default: '/', example: '/root' };

export const serviceUnavailable: ProcedureInputDefinition = {
  id: 'diagnose-service-unavailable',
  title: 'Service unavailable (502/503/504)',
  kind: 'diagnostic',
  description: 'Users get 502, 503 or 504: is the container up, listening, and does the proxy reach it?',
  tags: ['service-unavailable', '502', '503', '504'],
  params: [
    container,
    proxyContainer,
    { name: 'port', label: 'Port the backend listens on inside the container', example: '8080', pattern: '[0-9]{1,5}' },
    diskPath,
  ],
  steps: [
    { title: 'Is the container running?', command: 'docker ps --all --filter name={{container}}' },
    { title: 'Container logs (last 100 lines)', command: 'docker logs --tail 100 {{container}} 2>&1' },
    { title: 'Is the backend listening?', command: 'docker exec {{container}} netstat -tln | grep -- :{{port}}' },
    { title: 'Proxy logs (last 50 lines)', command: 'docker logs --tail 50 {{proxyContainer}} 2>&1' },
    { title: 'Container resources', command: 'docker stats {{container}} --no-stream' },
    { title: 'Disk space', command: 'df -h -- {{diskPath}}' },
    { title: 'Memory', command: 'free -h' },
  ],
};

export const diskFull: ProcedureInputDefinition = {
  id: 'diagnose-disk-full',
  title: 'Disk space full',
  kind: 'diagnostic',
  description: 'Operations fail, database errors, container will not start: find what fills the disk.',
  tags: ['disk-full'],
  params: [diskPath],
  steps: [
    { title: 'Disk usage', command: 'df -h -- {{diskPath}}' },
    { title: 'Largest files and directories', command: 'du -xah -- {{diskPath}} 2>/dev/null | sort -rh | head -20', timeout: 300 },
    { title: 'Log sizes', command: 'ls -lh /var/log/' },
    { title: 'Docker disk usage', command: 'docker system df' },
  ],
};

export const highMemory: ProcedureInputDefinition = {
  id: 'diagnose-high-memory',
  title: 'High memory usage',
  kind: 'diagnostic',
  description: 'Service slow, OOM kills, high memory reported.',
  tags: ['high-memory', 'oom'],
  params: [container],
  steps: [
    { title: 'Memory', command: 'free -h' },
    { title: 'Container memory', command: 'docker stats {{container}} --no-stream' },
    { title: 'Top processes by memory', command: 'ps aux --sort=-%mem | head -15' },
    { title: 'Memory and OOM messages in the logs', command: "docker logs {{container}} 2>&1 | grep -i 'memory\\|oom' | tail -50" },
  ],
};

export const databaseLocked: ProcedureInputDefinition = {
  id: 'diagnose-database-locked',
  title: 'Database locked (SQLite)',
  kind: 'diagnostic',
  description: 'Operations fail with "database is locked": is a lock held, by whom, and is WAL on?',
  tags: ['database-locked'],
  params: [
    container,
    { name: 'dbPath', label: 'Database file (same path in the container and on the host)', example: '/root/Development/HeroForge/heroforge.db' },
  ],
  steps: [
    {
      title: 'Can a query get through within 1 s?',
      command: "docker exec {{container}} sqlite3 {{dbPath}} '.timeout 1000' 'SELECT count(*) FROM sqlite_master;'",
    },
    { title: 'Journal mode', command: "docker exec {{container}} sqlite3 {{dbPath}} 'PRAGMA journal_mode;'" },
    { title: 'Database, WAL and SHM files', command: 'ls -la -- {{dbPath}}*' },
    { title: 'Processes holding the file', command: 'fuser -v -- {{dbPath}} 2>&1 || lsof -- {{dbPath}}' },
  ],
};

export const sslCertificate: ProcedureInputDefinition = {
  id: 'diagnose-ssl-certificate',
  title: 'SSL certificate expired',
  kind: 'diagnostic',
  description: 'Browsers warn about the certificate or HTTPS fails: what is served, until when, and is ACME renewing?',
  tags: ['ssl-certificate', 'tls'],
  params: [
    { name: 'domain', label: 'Public host name', example: 'heroforge.example.com', pattern: '[A-Za-z0-9][A-Za-z0-9.-]*' },
    proxyContainer,
  ],
  steps: [
    {
      title: 'Certificate served on port 443',
      command:
        'echo | openssl s_client -connect {{domain}}:443 -servername {{domain}} 2>/dev/null | openssl x509 -noout -subject -issuer -dates',
    },
    { title: 'ACME / certificate messages from the proxy', command: 'docker logs {{proxyContainer}} 2>&1 | grep -i cert | tail -50' },
  ],
};
