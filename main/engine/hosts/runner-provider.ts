import type { SshRunner } from '../lib/ssh/ssh-runner';

export interface RunnerLease {
  runner: SshRunner;
  release(): void;
}

interface Slot {
  runner: SshRunner;
  users: number;
  stale: boolean;
}

// One runner (and so one connection per host) shared by every run and host
// check. When the ssh config or the known_hosts files change, later users get
// a new runner; runs still going keep theirs until they finish.
export class RunnerProvider {
  private current: Slot | null = null;
  private readonly retired = new Set<Slot>();

  constructor(private readonly build: () => SshRunner) {}

  acquire(): RunnerLease {
    if (!this.current) this.current = { runner: this.build(), users: 0, stale: false };
    const slot = this.current;
    slot.users++;
    let released = false;
    return {
      runner: slot.runner,
      release: () => {
        if (released) return;
        released = true;
        slot.users--;
        if (slot.stale && slot.users === 0) this.retire(slot);
      },
    };
  }

  invalidate(): void {
    const slot = this.current;
    if (!slot) return;
    this.current = null;
    slot.stale = true;
    if (slot.users === 0) this.retire(slot);
    else this.retired.add(slot);
  }

  close(): void {
    for (const slot of [...this.retired, ...(this.current ? [this.current] : [])]) slot.runner.close();
    this.retired.clear();
    this.current = null;
  }

  private retire(slot: Slot): void {
    this.retired.delete(slot);
    slot.runner.close();
  }
}
