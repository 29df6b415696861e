import type { AreaOptions } from '../../main/engine/areas';
import { createEngine, type Engine } from '../../main/engine/engine';
import type { EventEnvelope, EventName, EventPayload, MethodName, ParamsOf, ResultOf, RunDetail } from '../../preload/contract';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';
import type { SshdOptions } from '../fixtures/sshd/sshd-fixture';

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RunsEnv {
  ssh: SshEnv;
  dataDir: string;
  engine: Engine;
  events: EventEnvelope[];
  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>>;
  // Resolves with the run once it is no longer running.
  finished(runId: number, timeoutMs?: number): Promise<RunDetail>;
  // Resolves when the run's detail satisfies the predicate.
  until(runId: number, predicate: (run: RunDetail) => boolean, timeoutMs?: number): Promise<RunDetail>;
  on<E extends EventName>(event: E): EventPayload<E>[];
  stop(): Promise<void>;
}

// A real sshd on loopback and an engine whose runs area reads that sshd's
// ssh config and known_hosts (set through hosts.settings, like a user would).
export async function startRunsEnv(
  sshd: Omit<SshdOptions, 'authorizedKeys'> & { extraAuthorized?: string[] } = {},
  areas: Omit<AreaOptions, 'hosts'> = {},
): Promise<RunsEnv> {
  const ssh = await startSshEnv(sshd);
  const dataDir = tempDir('trayage-runs-');
  const engine = createEngine({ dataDir, actor: 'ana', areas: { ...areas, hosts: { agentSocket: null, connectTimeoutMs: 5000 } }, deliver: async () => {} });
  const events: EventEnvelope[] = [];
  engine.onEvent((e) => events.push(e));
  const call = async <M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> => {
    const reply = await engine.dispatch({ id: 1, method, params: params ?? {} });
    if ('error' in reply) throw new CallFailed(reply.error.code, reply.error.message);
    return reply.result as ResultOf<M>;
  };
  const until = async (runId: number, predicate: (run: RunDetail) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await call('runs.get', { runId });
      if (predicate(run)) return run;
      if (Date.now() > deadline) throw new Error(`run #${runId} did not get there in ${timeoutMs} ms: ${JSON.stringify(run, null, 2)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await call('hosts.settings', { sshConfigPath: ssh.configPath, knownHostsFiles: [ssh.knownHostsPath] });
  return {
    ssh,
    dataDir,
    engine,
    events,
    call,
    until,
    finished: (runId, timeoutMs) => until(runId, (r) => r.status !== 'running', timeoutMs),
    on: <E extends EventName>(event: E) => events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>),
    async stop() {
      engine.close();
      await ssh.stop();
      removeDir(dataDir);
    },
  };
}
