import { utilityProcess, type UtilityProcess } from 'electron';
import { FromEngine, type ToEngine } from '../engine/host/host-protocol';
import { decideRestart } from './restart-policy';

export interface SupervisorEvents {
  onEvent(text: string): void;
  onReady(): void;
  onRestart(reason: string): void;
  onGiveUp(reason: string): void;
}

const UNAVAILABLE = (seq: number) =>
  JSON.stringify({ id: seq, error: { code: 'unavailable', message: 'The engine is restarting; try again in a moment.' } });

// Runs the engine in a utilityProcess so slow SQLite or SSH work never blocks the tray, and restarts it when it dies.
export class EngineSupervisor {
  private child: UtilityProcess | null = null;
  private seq = 0;
  private readonly pending = new Map<number, (text: string) => void>();
  private readonly crashes: number[] = [];
  private stopping = false;
  private fatal: string | null = null;
  private ready = false;

  constructor(
    private readonly entry: string,
    private readonly dataDir: string,
    private readonly secretKey: Buffer | null,
    private readonly events: SupervisorEvents,
  ) {}

  start(): void {
    const child = utilityProcess.fork(this.entry, ['--data-dir', this.dataDir], { serviceName: 'Trayage engine', stdio: 'inherit' });
    this.child = child;
    child.on('message', (raw: unknown) => this.receive(raw));
    child.on('exit', (code) => this.exited(code));
    const start: ToEngine = { type: 'start', secretKey: this.secretKey?.toString('base64') ?? null };
    child.postMessage(start);
  }

  call(text: string): Promise<string> {
    const seq = ++this.seq;
    // Ids inside the text belong to the window; seq only matches the reply to this call.
    return new Promise((resolve) => {
      if (!this.child || !this.ready) return resolve(UNAVAILABLE(seq));
      this.pending.set(seq, resolve);
      const message: ToEngine = { type: 'call', seq, text };
      this.child.postMessage(message);
    });
  }

  stop(): void {
    this.stopping = true;
    const message: ToEngine = { type: 'shutdown' };
    this.child?.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = FromEngine.safeParse(raw);
    if (!message.success) return;
    const m = message.data;
    if (m.type === 'reply') {
      this.pending.get(m.seq)?.(m.text);
      this.pending.delete(m.seq);
    } else if (m.type === 'event') {
      this.events.onEvent(m.text);
    } else if (m.type === 'ready') {
      this.ready = true;
      this.events.onReady();
    } else {
      this.fatal = m.message;
    }
  }

  private exited(code: number | null): void {
    this.child = null;
    this.ready = false;
    for (const [seq, resolve] of this.pending) resolve(UNAVAILABLE(seq));
    this.pending.clear();
    if (this.stopping) return;
    const now = Date.now();
    const decision = decideRestart(this.crashes, now, code);
    this.crashes.push(now);
    if (!decision.restart) {
      this.events.onGiveUp(this.fatal ?? decision.reason);
      return;
    }
    this.events.onRestart(decision.reason);
    setTimeout(() => this.start(), decision.delayMs);
  }
}
