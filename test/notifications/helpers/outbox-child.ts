import fs from 'node:fs';
import { openDatabase } from '../../../main/engine/db/open-database';
import { Notifier } from '../../../main/engine/notifications/notifier';
import { SettingsStore } from '../../../main/engine/settings/settings-store';

// A second engine process delivering the outbox of the same database file. Each delivery appends
// "<pid> <title>" to the log, so the parent can count how often each notice was shown and by whom.
const [file, log] = process.argv.slice(2);
const { db } = openDatabase(file, 'test');
const errors: string[] = [];
const notifier = new Notifier(db, new SettingsStore(db, Date.now), async (delivery) => {
  fs.appendFileSync(log, `${process.pid} ${delivery.title}\n`);
  // Some work per notice, so the in-flight bound makes both processes share the rows.
  await new Promise((resolve) => setTimeout(resolve, 2));
}, Date.now);
// Every notice alone, so the claims of both processes race on each row (summaries would let one take all).
const stop = notifier.startDelivery({ sweepEveryMs: 5, summaries: false, onError: (err) => errors.push(String((err as Error)?.stack ?? err)) });
process.on('message', () => {
  stop();
  db.close();
  process.send!({ errors }, () => process.exit(0));
});
process.send!('ready');
