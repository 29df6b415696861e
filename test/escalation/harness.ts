import type Database from 'better-sqlite3';
import type { TrayState } from '../../preload/contract';
import type { ChannelSendRequest, ChannelsPort } from '../../main/engine/channels/channels-port';
import { openDatabase } from '../../main/engine/db/open-database';
import type { EngineContext } from '../../main/engine/engine-context';
import { escalationArea } from '../../main/engine/escalation/escalation-area';
import { incidentsArea } from '../../main/engine/incidents/incidents-area';
import type { IncidentsPort } from '../../main/engine/incidents/incidents-port';
import { Notifier } from '../../main/engine/notifications/notifier';
import { databaseFile } from '../../main/engine/paths';
import { RpcRegistry } from '../../main/engine/rpc/rpc-registry';
import { loadOrCreateKeyFile } from '../../main/engine/secrets/key-file';
import { SecretBox } from '../../main/engine/secrets/secret-box';
import { SecretStore } from '../../main/engine/secrets/secret-store';
import { SettingsStore } from '../../main/engine/settings/settings-store';
import { APP_VERSION } from '../../main/engine/version';

/** A channels port that keeps every send, as the channels area would queue it. */
export class RecordingChannels implements ChannelsPort {
  readonly sent: ChannelSendRequest[] = [];
  constructor(private readonly channels = [{ id: 7, name: 'Pager', kind: 'email' }]) {}
  send(request: ChannelSendRequest) {
    this.sent.push(request);
    return { deliveryId: this.sent.length };
  }
  list() {
    return this.channels;
  }
}

export interface Harness {
  db: Database.Database;
  incidents: IncidentsPort;
  call(method: string, params?: unknown): Promise<any>;
  /** The tray state with only what the escalation area adds, over the given open incidents. */
  tray(openIncidents: TrayState['openIncidents']): TrayState;
  /** Runs every background job once, as one tick of the engine's loops. */
  tick(): Promise<void>;
  notices(prefix: string): { key: string; title: string; body: string }[];
  close(): void;
}

/**
 * The incidents and escalation areas on a real SQLite file, with the background jobs run by the
 * test (one `tick` = one pass of every job) and time from `now`: nothing waits on a real clock.
 */
export function openHarness(dir: string, now: () => number, channels?: ChannelsPort): Harness {
  const { db } = openDatabase(databaseFile(dir), APP_VERSION);
  const settings = new SettingsStore(db, now);
  const jobs: (() => void | Promise<void>)[] = [];
  const trayDecorators: ((state: TrayState) => TrayState)[] = [];
  const registry = new RpcRegistry((where, err) => {
    throw err;
  });
  const ctx: EngineContext = {
    db,
    dataDir: dir,
    configPath: undefined,
    actor: 'ana',
    now,
    background: true,
    registry,
    settings,
    secrets: new SecretStore(db, new SecretBox(loadOrCreateKeyFile(dir)), now),
    notifier: new Notifier(db, settings, async () => {}, now),
    emit: () => {},
    incidentsChanged: () => {},
    trayChanged: () => {},
    addTrayProblems: () => {},
    provideTrayIncidents: () => {},
    decorateTray: (decorate) => trayDecorators.push(decorate),
    every: (_ms, job) => jobs.push(job),
    onClose: () => {},
    reportError: (where, err) => {
      throw new Error(`${where}: ${(err as Error).message}`);
    },
  };
  const incidents = incidentsArea(ctx);
  escalationArea(ctx, { incidents, channels });
  return {
    db,
    incidents,
    async call(method, params = {}) {
      const reply = await registry.dispatch({ id: 1, method, params });
      if ('error' in reply && reply.error) throw Object.assign(new Error(reply.error.message), { issues: reply.error.issues, code: reply.error.code });
      return (reply as { result: unknown }).result;
    },
    async tick() {
      for (const job of jobs) await job();
    },
    tray(openIncidents) {
      const base: TrayState = { level: 'ok', summary: '', openIncidents, problems: [], snoozedUntil: null };
      return trayDecorators.reduce((state, decorate) => decorate(state), base);
    },
    notices(prefix) {
      return db.prepare('SELECT key, title, body FROM notifications WHERE key LIKE ? ORDER BY id').all(`${prefix}%`) as { key: string; title: string; body: string }[];
    },
    close: () => db.close(),
  };
}

export const MIN = 60_000;

/** A P1 with a three-step chain and an ordinary P2, as a team would write them. */
export function chainScheme(p1Steps: unknown[]) {
  return {
    id: 'team',
    name: 'Team scheme',
    source: 'test',
    levels: [
      {
        key: 'P1',
        name: 'Critical',
        definition: 'Checkout down',
        examples: [],
        responseMinutes: 15,
        updateCadenceMinutes: 30,
        escalateAfterMinutes: null,
        escalateTo: [],
        postFixWatchMinutes: 60,
        escalation: p1Steps,
      },
      {
        key: 'P2',
        name: 'High',
        definition: 'Degraded',
        examples: [],
        responseMinutes: 60,
        updateCadenceMinutes: 60,
        escalateAfterMinutes: 30,
        escalateTo: ['Engineering Lead'],
        postFixWatchMinutes: null,
      },
    ],
  };
}

export const CONTACTS = [
  { role: 'Primary On-Call', name: 'Dana Lee', email: 'dana@example.com' },
  { role: 'L2', name: 'Lee Park', email: 'lee@example.com' },
  { role: 'VP Engineering', name: 'Vic Pham', email: 'vic@example.com' },
];
