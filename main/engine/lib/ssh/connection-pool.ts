import type { SshConnection } from './ssh-connection';

export interface Lease {
  connection: SshConnection;
  // True when this lease reuses a connection opened for an earlier command.
  reused: boolean;
  release(): void;
}

interface Slot {
  connecting?: Promise<SshConnection>;
  connection?: SshConnection;
  users: number;
  idleTimer?: NodeJS.Timeout;
}

// One SSH connection per host, shared by concurrent commands (each gets its
// own channel) and closed after it has been idle for idleCloseMs.
export class ConnectionPool {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly open: (alias: string) => Promise<SshConnection>,
    private readonly idleCloseMs: number,
  ) {}

  async acquire(alias: string): Promise<Lease> {
    let slot = this.slots.get(alias);
    if (slot?.connection && !slot.connection.isOpen()) {
      this.slots.delete(alias);
      slot = undefined;
    }
    if (!slot) {
      slot = { users: 0 };
      this.slots.set(alias, slot);
    }
    slot.users++;
    clearTimeout(slot.idleTimer);
    const reused = slot.connection !== undefined;
    try {
      if (!slot.connection) {
        slot.connecting ??= this.connect(alias, slot);
        await slot.connecting;
      }
    } catch (err) {
      this.release(alias, slot);
      throw err;
    }
    let released = false;
    return {
      connection: slot.connection!,
      reused,
      release: () => {
        if (released) return;
        released = true;
        this.release(alias, slot!);
      },
    };
  }

  // Forgets a connection that turned out dead so the next acquire opens a new one.
  discard(connection: SshConnection): void {
    const alias = connection.host.alias;
    const slot = this.slots.get(alias);
    if (slot?.connection === connection) this.slots.delete(alias);
    connection.close();
  }

  closeAll(): void {
    for (const slot of this.slots.values()) {
      clearTimeout(slot.idleTimer);
      slot.connection?.close();
    }
    this.slots.clear();
  }

  private async connect(alias: string, slot: Slot): Promise<SshConnection> {
    try {
      const connection = await this.open(alias);
      slot.connection = connection;
      connection.onClose(() => {
        if (this.slots.get(alias) === slot) this.slots.delete(alias);
        clearTimeout(slot.idleTimer);
      });
      return connection;
    } catch (err) {
      // A failed attempt must not be handed to the next caller.
      if (this.slots.get(alias) === slot) this.slots.delete(alias);
      throw err;
    } finally {
      slot.connecting = undefined;
    }
  }

  private release(alias: string, slot: Slot): void {
    slot.users = Math.max(0, slot.users - 1);
    if (slot.users > 0 || !slot.connection) return;
    slot.idleTimer = setTimeout(() => {
      if (this.slots.get(alias) === slot && slot.users === 0) {
        this.slots.delete(alias);
        slot.connection?.close();
      }
    }, this.idleCloseMs);
    slot.idleTimer.unref();
  }
}
