import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SSHConfig from 'ssh-config';

export interface JumpSpec {
  // Alias or host name, looked up in the same ssh config like OpenSSH does.
  host: string;
  user?: string;
  port?: number;
}

export interface ResolvedHost {
  // What the user typed or picked: the ssh config alias.
  alias: string;
  hostName: string;
  user: string;
  port: number;
  // Candidate private keys in order; missing files are skipped at connect time.
  identityFiles: string[];
  identitiesFromConfig: boolean;
  proxyJump: JumpSpec[];
  // Name used to look up and store the host key (HostKeyAlias, else HostName).
  hostKeyName: string;
  configPath: string | null;
}

export class SshConfigError extends Error {
  override name = 'SshConfigError';
}

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const MAX_INCLUDE_DEPTH = 16;

export function defaultSshConfigPath(): string {
  return path.join(os.homedir(), '.ssh', 'config');
}

// Resolves "alias", "user@alias" or "user@alias:port" through an OpenSSH
// client config (default ~/.ssh/config). A missing config file is not an
// error: the alias is then used as the host name, as ssh does.
export function resolveHost(target: string, configPath?: string): ResolvedHost {
  const spec = parseJumpSpec(target, configPath ?? '(command line)');
  const file = configPath ?? defaultSshConfigPath();
  const exists = fs.existsSync(file);
  if (configPath && !exists) {
    throw new SshConfigError(`SSH config file ${configPath} does not exist; pass an existing file or omit it to use ~/.ssh/config.`);
  }
  const config = exists ? SSHConfig.parse(readWithIncludes(file, 0)) : SSHConfig.parse('');
  // Match exec would run shell commands from the config file just to read it.
  const computed = config.compute(spec.host, { ignoreCase: true, matchExec: false });
  const localUser = os.userInfo().username;
  const user = spec.user ?? single(computed.user) ?? localUser;
  const hostName = expandTokens(single(computed.hostname) ?? spec.host, { h: spec.host, r: user, u: localUser });
  const portText = spec.port !== undefined ? String(spec.port) : single(computed.port);
  const port = portText === undefined ? 22 : parsePort(portText, `Port for host "${spec.host}" in ${file}`);
  const tokens = { h: hostName, r: user, u: localUser, p: String(port), n: spec.host };
  const configured = list(computed.identityfile).map((f) => expandPath(f, tokens));
  const identityFiles = configured.length
    ? configured
    : DEFAULT_IDENTITIES.map((name) => path.join(os.homedir(), '.ssh', name));
  const jumpText = single(computed.proxyjump);
  const proxyJump = !jumpText || jumpText.toLowerCase() === 'none'
    ? []
    : jumpText.split(',').map((part) => parseJumpSpec(part.trim(), `ProxyJump for host "${spec.host}" in ${file}`));
  const alias = single(computed.hostkeyalias);
  return {
    alias: target,
    hostName,
    user,
    port,
    identityFiles,
    identitiesFromConfig: configured.length > 0,
    proxyJump,
    hostKeyName: alias ?? hostName,
    configPath: exists ? file : null,
  };
}

// "[user@]host[:port]", "ssh://[user@]host[:port]" or "user@[v6addr]:port".
export function parseJumpSpec(text: string, where: string): JumpSpec {
  let rest = text.startsWith('ssh://') ? text.slice('ssh://'.length) : text;
  if (!rest || /\s/.test(rest) || rest.startsWith('-')) {
    throw new SshConfigError(`${where}: "${text}" is not a valid host; expected [user@]host[:port].`);
  }
  let user: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
  }
  let host = rest;
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1];
    if (bracketed[2]) port = parsePort(bracketed[2], where);
  } else if (/^[^:]+:\d+$/.test(rest)) {
    const colon = rest.lastIndexOf(':');
    host = rest.slice(0, colon);
    port = parsePort(rest.slice(colon + 1), where);
  }
  if (!host || (user !== undefined && !user)) {
    throw new SshConfigError(`${where}: "${text}" is not a valid host; expected [user@]host[:port].`);
  }
  return { host, user, port };
}

function parsePort(text: string, where: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SshConfigError(`${where}: port "${text}" must be a number between 1 and 65535.`);
  }
  return port;
}

// ssh-config does not follow Include; inline the files in place, which is
// how OpenSSH reads them too.
export function readWithIncludes(file: string, depth = 0): string {
  if (depth > MAX_INCLUDE_DEPTH) {
    throw new SshConfigError(`${file}: Include nested more than ${MAX_INCLUDE_DEPTH} levels deep; look for a file including itself.`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new SshConfigError(`Cannot read SSH config ${file}: ${(err as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => {
      const match = /^\s*include\s*[=\s]\s*(.+?)\s*$/i.exec(line);
      if (!match) return line;
      return splitArgs(match[1])
        .flatMap((pattern) => globFiles(resolveInclude(pattern)))
        .map((included) => readWithIncludes(included, depth + 1))
        .join('\n');
    })
    .join('\n');
}

function resolveInclude(pattern: string): string {
  const expanded = expandPath(pattern, {});
  return path.isAbsolute(expanded) ? expanded : path.join(os.homedir(), '.ssh', expanded);
}

// Wildcards are honoured in the last path segment, which covers the usual
// "Include config.d/*" layouts.
function globFiles(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const base = path.basename(pattern);
  if (!/[*?]/.test(base)) return fs.existsSync(pattern) ? [pattern] : [];
  if (!fs.existsSync(dir)) return [];
  const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return fs
    .readdirSync(dir)
    .filter((name) => re.test(name))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((f) => fs.statSync(f).isFile());
}

export function splitArgs(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function expandTokens(text: string, tokens: Record<string, string>): string {
  return text.replace(/%(.)/g, (whole, key: string) => {
    if (key === '%') return '%';
    if (key === 'd') return os.homedir();
    return tokens[key] ?? whole;
  });
}

function expandPath(file: string, tokens: Record<string, string>): string {
  const withHome = file === '~' || file.startsWith('~/') ? os.homedir() + file.slice(1) : file;
  return expandTokens(withHome, tokens);
}
