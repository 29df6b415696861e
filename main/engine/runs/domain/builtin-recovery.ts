import type { ProcedureInputDefinition } from './procedure-types';

// The runbooks' "Quick Rollback" and "Database Rollback", as guarded
// procedures. Paths and names are parameters; nothing here knows a real host.

const NAME_PATTERN = '[A-Za-z0-9][A-Za-z0-9_.-]*';

export const quickRollback: ProcedureInputDefinition = {
  id: 'quick-rollback',
  title: 'Quick rollback to the previous tag',
  kind: 'rollback',
  description:
    'A recent deployment broke the service: check out the previous release tag, rebuild and restart the ' +
    'container with docker compose, then wait for the health endpoint.',
  tags: ['rollback', 'deployment'],
  params: [
    { name: 'appDir', label: 'Git checkout of the application', example: '/root/Development/HeroForge' },
    { name: 'composeDir', label: 'Directory with the docker-compose file', example: '/root' },
    { name: 'service', label: 'docker compose service to rebuild and restart', example: 'heroforge', pattern: NAME_PATTERN },
    { name: 'container', label: 'Container whose logs to show afterwards', example: 'heroforge', pattern: NAME_PATTERN },
    { name: 'healthUrl', label: 'Health endpoint that must answer 2xx', example: 'https://heroforge.example.com/health/ready' },
    {
      name: 'tag',
      label: 'Release to roll back to',
      description: 'Picked from the newest tags; the second one (the release before the current) is suggested.',
      // A leading "-" would reach git as an option.
      pattern: '[A-Za-z0-9][A-Za-z0-9._/+-]*',
    },
  ],
  steps: [
    { title: 'Recent commits', command: 'cd -- {{appDir}} && git log --oneline -10' },
    {
      title: 'Recent tags, newest first',
      command: 'cd -- {{appDir}} && git tag -l --sort=-version:refname | head -5',
      capture: { param: 'tag', pick: 1 },
    },
    { title: 'Check out the chosen tag', command: 'cd -- {{appDir}} && git checkout --quiet {{tag}} && git describe --tags', confirm: true },
    { title: 'Rebuild the image', command: 'cd -- {{composeDir}} && docker compose build {{service}}', timeout: 1800 },
    { title: 'Restart the container', command: 'cd -- {{composeDir}} && docker compose up -d {{service}}', timeout: 300, confirm: true },
    { kind: 'verify-health', title: 'Verify the service is healthy', url: '{{healthUrl}}', deadline: 120, interval: 2 },
    { title: 'Container logs (last 20 lines)', command: 'docker logs --tail 20 {{container}} 2>&1', continueOnFailure: true },
  ],
};

export const databaseRestore: ProcedureInputDefinition = {
  id: 'database-restore',
  title: 'Restore the SQLite database from a backup',
  kind: 'rollback',
  description:
    'Database corruption or a bad migration: stop the service, keep the current files, restore the chosen ' +
    'backup, start again and check integrity.',
  tags: ['database', 'rollback', 'corruption'],
  params: [
    { name: 'container', label: 'Container using the database', example: 'heroforge', pattern: NAME_PATTERN },
    { name: 'dbPath', label: 'Database file (same path on the host and in the container)', example: '/root/Development/HeroForge/heroforge.db' },
    { name: 'backupDir', label: 'Directory with *.db.gz backups', example: '/root/heroforge_backups' },
    {
      name: 'backup',
      label: 'Backup to restore',
      description: 'Picked from the five newest backups; the newest is suggested.',
      pattern: '[^-\\n][^\\n]*\\.db\\.gz',
    },
  ],
  steps: [
    { title: 'Newest backups', command: 'ls -t -- {{backupDir}}/*.db.gz | head -5', capture: { param: 'backup', pick: 0 } },
    { title: 'Stop the service', command: 'docker stop {{container}}', confirm: true },
    {
      title: 'Keep the current database files',
      command:
        'stamp=$(date +%Y%m%d%H%M%S) && for f in {{dbPath}} {{dbPath}}-wal {{dbPath}}-shm; do ' +
        'if [ -e "$f" ]; then cp -p -- "$f" "$f.incident-$stamp" || exit 1; fi; done && ls -l -- {{dbPath}}*.incident-$stamp',
    },
    {
      // The old WAL would be replayed onto the restored file and corrupt it.
      title: 'Restore the backup',
      command: 'rm -f -- {{dbPath}}-wal {{dbPath}}-shm && gunzip -c -- {{backup}} > {{dbPath}}',
      confirm: true,
    },
    { title: 'Start the service', command: 'docker start {{container}}' },
    { title: 'Check integrity', command: "docker exec {{container}} sqlite3 {{dbPath}} 'PRAGMA integrity_check;'" },
  ],
};
