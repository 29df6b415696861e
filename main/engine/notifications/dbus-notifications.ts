import type { EventEmitter } from 'node:events';
import net from 'node:net';
import * as dbusNative from '@homebridge/dbus-native';
import type { DaemonStatus } from './daemon-probe';
import type { Delivery } from './delivery-types';

const SERVICE = 'org.freedesktop.Notifications';
const OBJECT = '/org/freedesktop/Notifications';
const CALL_TIMEOUT_MS = 10_000;
// Clicks are remembered per shown notice until the daemon reports it closed; a bound in case it never does.
const MAX_CLICKABLE = 500;

interface WireError {
  name?: string;
  message?: string;
}

interface WireMessage {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

// The part of @homebridge/dbus-native used here (its own typings leave out createClient).
interface WireBus {
  invoke(message: WireMessage, callback: (err: WireError | null | undefined, ...values: unknown[]) => void): void;
  signals: EventEmitter;
  connection: EventEmitter & { end(): void };
}

const createClient = (dbusNative as unknown as { createClient(options: { stream: net.Socket }): WireBus }).createClient;

/**
 * org.freedesktop.Notifications over one session-bus connection kept open: opened at the first
 * use, reused for every notice and look-up, opened again at the next use after it dropped. A click
 * on a notice comes back as an ActionInvoked signal on the same connection.
 */
export class NotificationsBus {
  private link: Promise<BusLink> | null = null;
  private readonly clicks = new Map<number, () => void>();

  constructor(
    private readonly options: {
      env: () => NodeJS.ProcessEnv;
      appName: string;
      callTimeoutMs?: number;
    },
  ) {}

  /** Shows the notice; resolves once the daemon took it, rejects when it did not (worth retrying). */
  async show(delivery: Delivery, onClick: () => void): Promise<void> {
    const link = await this.connect();
    const [id] = await link.call({
      destination: SERVICE,
      path: OBJECT,
      interface: SERVICE,
      member: 'Notify',
      signature: 'susssasa{sv}i',
      // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the daemon's default)
      body: [this.options.appName, 0, '', delivery.title, delivery.body, ['default', 'Open'], soundHints(delivery.sound), -1],
    });
    this.clicks.set(Number(id), onClick);
    if (this.clicks.size > MAX_CLICKABLE) this.clicks.delete(this.clicks.keys().next().value!);
  }

  /** Whether a notification daemon owns the name on the session bus, or the bus can start one. */
  async daemonStatus(): Promise<DaemonStatus> {
    const address = this.options.env().DBUS_SESSION_BUS_ADDRESS;
    if (!address) return { reachable: false, reason: 'DBUS_SESSION_BUS_ADDRESS is not set, so there is no desktop session bus to reach a notification daemon on' };
    let link: BusLink;
    try {
      link = await this.connect();
    } catch (err) {
      return { reachable: false, reason: `the session bus ${address} did not answer (${(err as Error).message})` };
    }
    const [owned] = await link.call(busCall('NameHasOwner', 's', [SERVICE]));
    if (owned) return { reachable: true };
    // A daemon the bus starts on demand owns the name only once started; headless, starting it fails
    // (dunst without a display), and that failure is what every notice would run into.
    try {
      await link.call(busCall('StartServiceByName', 'su', [SERVICE, 0]));
      return { reachable: true };
    } catch (err) {
      return {
        reachable: false,
        reason: `nothing owns ${SERVICE} on the session bus ${address} and the bus could not start a daemon for it (${(err as Error).message}); start a notification daemon (e.g. dunst) for desktop notices`,
      };
    }
  }

  /** Ends the connection; a later use opens a new one. */
  close(): void {
    const link = this.link;
    this.link = null;
    this.clicks.clear();
    link?.then((l) => l.end()).catch(() => {});
  }

  private connect(): Promise<BusLink> {
    if (this.link) return this.link;
    const address = this.options.env().DBUS_SESSION_BUS_ADDRESS;
    if (!address) return Promise.reject(new Error('DBUS_SESSION_BUS_ADDRESS is not set, so there is no desktop session bus'));
    const opening = BusLink.open(address, this.options.callTimeoutMs ?? CALL_TIMEOUT_MS, {
      onSignal: (member, body) => this.onSignal(member, body),
      onDrop: () => {
        if (this.link !== opening) return;
        this.link = null;
        this.clicks.clear();
      },
    });
    this.link = opening;
    opening.catch(() => {
      if (this.link === opening) this.link = null;
    });
    return opening;
  }

  private onSignal(member: string, body: unknown[]): void {
    const id = Number(body[0]);
    const onClick = this.clicks.get(id);
    if (!onClick) return;
    if (member === 'NotificationClosed') this.clicks.delete(id);
    else if (member === 'ActionInvoked' && body[1] === 'default') {
      this.clicks.delete(id);
      onClick();
    }
  }
}

function soundHints(sound: string | boolean): [string, [string, unknown]][] {
  if (sound === false) return [['suppress-sound', ['b', true]]];
  if (typeof sound === 'string' && sound !== 'default') return [['sound-name', ['s', sound]]];
  return [];
}

function busCall(member: string, signature: string, body: unknown[]): WireMessage {
  return { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus', member, signature, body };
}

/** One connection to the session bus: its calls fail at once when it drops, and after a timeout. */
class BusLink {
  private readonly pending = new Set<(err: Error) => void>();
  private dropped: Error | null = null;

  private constructor(
    private readonly address: string,
    private readonly socket: net.Socket,
    private readonly bus: WireBus,
    private readonly timeoutMs: number,
  ) {}

  static async open(address: string, timeoutMs: number, events: { onSignal: (member: string, body: unknown[]) => void; onDrop: () => void }): Promise<BusLink> {
    const socket = connectSocket(address);
    // The connection must not keep the process alive on its own; calls in flight hold their timers.
    socket.unref();
    const bus = createClient({ stream: socket });
    const link = new BusLink(address, socket, bus, timeoutMs);
    const drop = (err: Error) => {
      if (link.dropped) return;
      link.dropped = err;
      for (const fail of [...link.pending]) fail(err);
      socket.destroy();
      events.onDrop();
    };
    bus.connection.on('error', (err: Error) => drop(new Error(`the session bus ${address} failed: ${err.message}`)));
    const closed = () => drop(new Error(`the session bus ${address} closed the connection`));
    bus.connection.on('end', closed);
    socket.on('close', closed);
    for (const member of ['ActionInvoked', 'NotificationClosed']) {
      bus.signals.on(JSON.stringify({ path: OBJECT, interface: SERVICE, member }), (body: unknown[]) => events.onSignal(member, body ?? []));
    }
    // The first reply also tells that the handshake and Hello went through.
    try {
      await link.call(busCall('AddMatch', 's', [`type='signal',sender='${SERVICE}',path='${OBJECT}',interface='${SERVICE}'`]));
    } catch (err) {
      link.end();
      throw err;
    }
    return link;
  }

  call(message: WireMessage): Promise<unknown[]> {
    if (this.dropped) return Promise.reject(this.dropped);
    return new Promise((resolve, reject) => {
      const fail = (err: Error) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(err);
      };
      const timer = setTimeout(() => fail(new Error(`${message.member} got no answer on the session bus ${this.address} in ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      this.pending.add(fail);
      this.bus.invoke(message, (err, ...values) => {
        if (!this.pending.has(fail)) return;
        if (err) return fail(new Error(`${message.member} failed: ${err.name ?? 'error'}: ${err.message ?? ''}`.replace(/: $/, '')));
        clearTimeout(timer);
        this.pending.delete(fail);
        resolve(values);
      });
    });
  }

  end(): void {
    this.socket.destroy();
  }
}

// The session bus address: the first of its unix (path or abstract) or tcp entries.
function connectSocket(address: string): net.Socket {
  for (const entry of address.split(';')) {
    const colon = entry.indexOf(':');
    const transport = entry.slice(0, colon);
    const params = new Map(
      entry
        .slice(colon + 1)
        .split(',')
        .map((pair) => pair.split('=', 2) as [string, string])
        .map(([key, value]) => [key, decodeURIComponent(value ?? '')]),
    );
    if (transport === 'unix' && params.has('path')) return net.createConnection(params.get('path')!);
    if (transport === 'unix' && params.has('abstract')) return net.createConnection(`\0${params.get('abstract')}`);
    if (transport === 'tcp' && params.has('port')) return net.createConnection(Number(params.get('port')), params.get('host') ?? 'localhost');
  }
  throw new Error(`no unix or tcp entry in the session bus address ${address}`);
}
