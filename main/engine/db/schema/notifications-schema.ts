import type { Migration } from '../migration-types';

export const NOTIFICATIONS_MIGRATIONS: readonly Migration[] = [
  {
    version: 8,
    name: 'notification delivery leases',
    sql: `
      -- The engine delivering a notice holds it until lease_until and renews it while delivery runs;
      -- another engine may take it over only once the lease has run out (its holder crashed).
      ALTER TABLE notifications ADD COLUMN claimed_by TEXT;
      ALTER TABLE notifications ADD COLUMN lease_until INTEGER;
    `,
  },
  {
    version: 14,
    name: 'notices summed up',
    sql: `
      -- How many notices the summary a notice was shown in stood for; NULL when it was shown alone.
      ALTER TABLE notifications ADD COLUMN summary_size INTEGER;
    `,
  },
];
