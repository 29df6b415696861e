import fs from 'node:fs';
import { utils, type AnyAuthMethod, type AuthHandlerMiddleware, type ParsedKey } from 'ssh2';
import type { ResolvedHost } from './host-config';

export interface PassphraseRequest {
  alias: string;
  keyPath: string;
  // 1 on the first ask, 2+ after a wrong passphrase.
  attempt: number;
}

// Returns the passphrase, or null to skip this key. The value is used once to
// decrypt the key in memory and never stored.
export type PassphrasePrompt = (request: PassphraseRequest) => Promise<string | null>;

export interface AuthOptions {
  // ssh-agent socket (or "pageant"); defaults to defaultAgent(). Null disables the agent.
  agentSocket?: string | null;
  askPassphrase?: PassphrasePrompt;
}

export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  // Human-readable account of what was tried, for the failure message.
  attempts(): string[];
  lastMethod(): string | null;
}

const MAX_PASSPHRASE_ATTEMPTS = 3;

// SSH_AUTH_SOCK wherever it is set (including a Windows OpenSSH agent pipe);
// on Windows without it, Pageant, which ssh2 reaches under that name.
export function defaultAgent(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.SSH_AUTH_SOCK) return env.SSH_AUTH_SOCK;
  return platform === 'win32' ? 'pageant' : undefined;
}

// Public-key authentication only, in OpenSSH's order: agent keys first, then
// identity files. Passwords are never offered.
export function planAuth(
  host: ResolvedHost,
  options: AuthOptions,
  promptActive: (active: boolean) => void,
): AuthPlan {
  const notes: string[] = [];
  let last: string | null = null;
  const agent = options.agentSocket === undefined ? defaultAgent() : options.agentSocket;
  const steps: Array<() => Promise<AnyAuthMethod | null>> = [];

  if (agent) {
    steps.push(async () => {
      last = `ssh-agent (${agent})`;
      notes.push(last);
      return { type: 'agent', username: host.user, agent };
    });
  }
  for (const keyPath of host.identityFiles) {
    steps.push(async () => {
      const key = await loadKey(keyPath);
      if (!key) return null;
      last = `key ${keyPath}`;
      notes.push(last);
      return { type: 'publickey', username: host.user, key };
    });
  }

  async function loadKey(keyPath: string): Promise<ParsedKey | null> {
    let data: Buffer;
    try {
      data = fs.readFileSync(keyPath);
    } catch (err) {
      // Default identity files are optional; configured ones are worth mentioning.
      if (host.identitiesFromConfig) notes.push(`key ${keyPath} (cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      return null;
    }
    let parsed = utils.parseKey(data);
    if (!(parsed instanceof Error)) return firstKey(parsed);
    if (!/passphrase|encrypted/i.test(parsed.message)) {
      notes.push(`key ${keyPath} (unreadable: ${parsed.message})`);
      return null;
    }
    if (!options.askPassphrase) {
      notes.push(`key ${keyPath} (encrypted; no passphrase prompt available — add it to ssh-agent)`);
      return null;
    }
    for (let attempt = 1; attempt <= MAX_PASSPHRASE_ATTEMPTS; attempt++) {
      promptActive(true);
      let passphrase: string | null;
      try {
        passphrase = await options.askPassphrase({ alias: host.alias, keyPath, attempt });
      } catch (err) {
        notes.push(`key ${keyPath} (passphrase prompt failed: ${(err as Error).message})`);
        return null;
      } finally {
        promptActive(false);
      }
      if (passphrase === null) {
        notes.push(`key ${keyPath} (skipped: no passphrase given)`);
        return null;
      }
      parsed = utils.parseKey(data, passphrase);
      if (!(parsed instanceof Error)) return firstKey(parsed);
    }
    notes.push(`key ${keyPath} (wrong passphrase ${MAX_PASSPHRASE_ATTEMPTS} times)`);
    return null;
  }

  async function nextMethod(): Promise<AnyAuthMethod | false> {
    while (steps.length) {
      const method = await steps.shift()!();
      if (method) return method;
    }
    return false;
  }

  // ssh2 takes `false` for "no more methods", which its typings leave out.
  const handler: AuthHandlerMiddleware = (_methodsLeft, _partialSuccess, next) => {
    void nextMethod().then((method) => next(method as AnyAuthMethod));
  };

  return { handler, attempts: () => [...notes], lastMethod: () => last };
}

function firstKey(parsed: ParsedKey | ParsedKey[]): ParsedKey {
  return Array.isArray(parsed) ? parsed[0] : parsed;
}
