import type { Duplex } from 'node:stream';
import { Client, type ServerHostKeyAlgorithm } from 'ssh2';
import type { ResolvedHost } from './host-config';
import { checkHostKey, hostKeyAlgorithmsFor, type HostKeyPolicy } from './host-key';
import { planAuth, type AuthOptions } from './ssh-auth';
import { SshAuthError, SshConnectError, SshTimeoutError } from './ssh-errors';

export interface ConnectionSettings {
  hostKeys: HostKeyPolicy;
  auth: AuthOptions;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  // Resolves a ProxyJump entry through the same ssh config.
  resolveJump: (host: string, user?: string, port?: number) => ResolvedHost;
  // Aborted when the runner closes: a connection still being opened is given up.
  signal?: AbortSignal;
}

export interface SshConnection {
  readonly host: ResolvedHost;
  readonly client: Client;
  // e.g. "ssh-agent (/run/agent.sock)" or "key /home/me/.ssh/id_ed25519".
  readonly authenticatedWith: string;
  // Aliases connected through, in order.
  readonly via: string[];
  isOpen(): boolean;
  // Returns a function that removes the listener.
  onClose(listener: () => void): () => void;
  close(): void;
}

// Opens the target, hop by hop through its ProxyJump hosts: each hop's
// direct-tcpip channel is the socket of the next, and each hop's host key
// is checked under its own name.
export async function openConnection(target: ResolvedHost, settings: ConnectionSettings): Promise<SshConnection> {
  const jumps = target.proxyJump.map((j) => settings.resolveJump(j.host, j.user, j.port));
  const hops = [...jumps, target];
  const clients: Client[] = [];
  try {
    let sock: Duplex | undefined;
    let method = 'none';
    for (let i = 0; i < hops.length; i++) {
      const hop = await connectHop(hops[i], settings, sock);
      clients.push(hop.client);
      method = hop.method;
      if (i < hops.length - 1) sock = await forward(hop.client, hops[i], hops[i + 1], target.alias);
    }
    return wrap(target, clients, method, jumps.map((j) => j.alias));
  } catch (err) {
    for (const client of clients.reverse()) client.end();
    throw err;
  }
}

function wrap(host: ResolvedHost, clients: Client[], method: string, via: string[]): SshConnection {
  let open = true;
  const listeners = new Set<() => void>();
  const target = clients[clients.length - 1];
  const markClosed = () => {
    if (!open) return;
    open = false;
    for (const client of [...clients].reverse()) client.end();
    for (const listener of [...listeners]) listener();
  };
  for (const client of clients) {
    client.on('close', markClosed);
    // After the handshake, errors (keepalive timeout, reset) just end the connection.
    client.on('error', markClosed);
  }
  return {
    host,
    client: target,
    authenticatedWith: method,
    via,
    isOpen: () => open,
    onClose: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: markClosed,
  };
}

function forward(client: Client, jump: ResolvedHost, next: ResolvedHost, targetAlias: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, next.hostName, next.port, (err, stream) => {
      if (err) {
        reject(
          new SshConnectError(
            targetAlias,
            `Jump host "${jump.alias}" refused to open a connection to ${next.hostName}:${next.port}: ${err.message}. ` +
              'Check that it allows TCP forwarding (AllowTcpForwarding) and can reach that address.',
          ),
        );
        return;
      }
      resolve(stream);
    });
  });
}

function connectHop(
  host: ResolvedHost,
  settings: ConnectionSettings,
  sock: Duplex | undefined,
): Promise<{ client: Client; method: string }> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const address = `${host.hostName}:${host.port}`;
    let settled = false;
    let hostKeyError: Error | undefined;
    let timer: NodeJS.Timeout | undefined;
    const agentErrors: string[] = [];

    const onAbort = () => fail(new SshConnectError(host.alias, `Stopped connecting to "${host.alias}" (${address}): its SSH connections were closed.`));
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settings.signal?.removeEventListener('abort', onAbort);
      // end() only half-closes: a server that never answered would keep the
      // socket, and a CLI process, alive. Nothing was set up worth a goodbye.
      client.destroy();
      reject(err);
    };
    // The clock stops while a passphrase prompt waits for the user.
    const armTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(new SshTimeoutError(host.alias, `Timed out after ${settings.connectTimeoutMs} ms connecting to "${host.alias}" (${address}). Is the host up and the port right?`)),
        settings.connectTimeoutMs,
      );
    };
    const auth = planAuth(host, settings.auth, (active) => (active ? clearTimeout(timer) : armTimer()));

    client.on('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settings.signal?.removeEventListener('abort', onAbort);
      // Commands are many small request/response exchanges; without this,
      // Nagle and delayed ACKs add ~40 ms to each round trip.
      client.setNoDelay(true);
      resolve({ client, method: auth.lastMethod() ?? 'none' });
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (err.level === 'agent') {
        agentErrors.push(err.message);
        return;
      }
      if (hostKeyError) return fail(hostKeyError);
      if (err.level === 'client-authentication') {
        const attempts = [...auth.attempts(), ...agentErrors.map((m) => `ssh-agent error: ${m}`)];
        return fail(
          new SshAuthError(
            host.alias,
            attempts,
            `Authentication failed for ${host.user}@${host.alias} (${address}); tried: ${attempts.join('; ') || 'nothing (no ssh-agent and no key files)'}. ` +
              'Add the key to ssh-agent or set IdentityFile for this host in your ssh config.',
          ),
        );
      }
      fail(new SshConnectError(host.alias, `Cannot connect to "${host.alias}" (${address}): ${describe(err)}.`));
    });
    client.on('close', () => {
      fail(hostKeyError ?? new SshConnectError(host.alias, `Connection to "${host.alias}" (${address}) closed during the handshake.`));
    });

    if (settings.signal?.aborted) return onAbort();
    settings.signal?.addEventListener('abort', onAbort, { once: true });
    armTimer();
    client.connect({
      host: host.hostName,
      port: host.port,
      sock,
      username: host.user,
      authHandler: auth.handler,
      readyTimeout: 0,
      keepaliveInterval: settings.keepaliveIntervalMs,
      keepaliveCountMax: settings.keepaliveCountMax,
      algorithms: {
        serverHostKey: hostKeyAlgorithmsFor(settings.hostKeys, host.hostKeyName, host.port) as ServerHostKeyAlgorithm[],
      },
      hostVerifier: (key: Buffer) => {
        try {
          checkHostKey(settings.hostKeys, { alias: host.alias, host: host.hostKeyName, port: host.port }, key);
          return true;
        } catch (err) {
          hostKeyError = err as Error;
          return false;
        }
      },
    });
  });
}

function describe(err: Error & { code?: string }): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused — is sshd running there, and is the Port in your ssh config right?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found — check HostName in your ssh config';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable — check the network or VPN';
    case 'ECONNRESET':
      return 'connection reset by the server';
    default:
      return err.message;
  }
}
