import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveHost, SshConfigError } from '../../main/engine/lib/ssh/host-config';
import { checkHostKey, fingerprintOfBase64, hostKeyAlgorithmsFor, keyTypeOf } from '../../main/engine/lib/ssh/host-key';
import { HostKeyChangedError, HostKeyRevokedError, HostKeyUnknownError } from '../../main/engine/lib/ssh/host-key-errors';
import { findEntries, parseKnownHosts, readKnownHosts } from '../../main/engine/lib/ssh/known-hosts';
import { makeKeyPair, makeTempDir, opensshFingerprint, type KeyPair } from '../fixtures/sshd/keys';

let dir: string;
let keyA: KeyPair;
let keyB: KeyPair;

beforeAll(() => {
  dir = makeTempDir('known-hosts');
  keyA = makeKeyPair(dir, 'a');
  keyB = makeKeyPair(dir, 'b');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const blob = (key: KeyPair) => Buffer.from(key.keyBase64, 'base64');

describe('fingerprints', () => {
  test('match what ssh-keygen -lf prints', () => {
    expect(fingerprintOfBase64(keyA.keyBase64)).toBe(opensshFingerprint(keyA.publicPath));
    expect(fingerprintOfBase64(keyB.keyBase64)).toBe(opensshFingerprint(keyB.publicPath));
    expect(keyTypeOf(blob(keyA))).toBe('ssh-ed25519');
  });
});

describe('known_hosts matching', () => {
  test('hashed entries written by ssh-keygen -H are found, for port 22 and [host]:port', () => {
    const file = path.join(dir, 'hashed');
    fs.writeFileSync(file, `db.internal ${keyA.keyType} ${keyA.keyBase64}\n[10.1.2.3]:2222 ${keyB.keyType} ${keyB.keyBase64}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('db.internal');
    expect(text).toMatch(/^\|1\|/m);
    const entries = readKnownHosts([file]);
    expect(findEntries(entries, 'db.internal', 22).map((e) => e.keyBase64)).toEqual([keyA.keyBase64]);
    expect(findEntries(entries, '10.1.2.3', 2222).map((e) => e.keyBase64)).toEqual([keyB.keyBase64]);
    expect(findEntries(entries, '10.1.2.3', 22)).toEqual([]);
    expect(findEntries(entries, 'other.internal', 22)).toEqual([]);
  });

  test('patterns: lists, wildcards, negation and markers', () => {
    const text = [
      '# comment',
      `web1,web2.example.com ${keyA.keyType} ${keyA.keyBase64}`,
      `*.prod.example.com,!secret.prod.example.com ${keyB.keyType} ${keyB.keyBase64}`,
      `@revoked * ${keyB.keyType} ${keyB.keyBase64}`,
      'garbage-line',
    ].join('\n');
    const entries = parseKnownHosts(text, 'kh');
    expect(entries).toHaveLength(3);
    expect(findEntries(entries, 'web2.example.com', 22)[0].line).toBe(2);
    expect(findEntries(entries, 'api.prod.example.com', 22).map((e) => e.marker)).toEqual([null, 'revoked']);
    expect(findEntries(entries, 'secret.prod.example.com', 22).map((e) => e.marker)).toEqual(['revoked']);
  });
});

describe('checkHostKey', () => {
  const target = { alias: 'web', host: '127.0.0.1', port: 2200 };

  test('unknown host: typed error with the OpenSSH fingerprint; trusting it by fingerprint records it', () => {
    const trusted = path.join(dir, 'own', 'known_hosts');
    const policy = { knownHostsFiles: [path.join(dir, 'missing')], trustedFile: trusted };
    let error: unknown;
    try {
      checkHostKey(policy, target, blob(keyA));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HostKeyUnknownError);
    const unknown = error as HostKeyUnknownError;
    expect(unknown.fingerprint).toBe(opensshFingerprint(keyA.publicPath));
    expect(unknown.facts).toMatchObject({ alias: 'web', host: '127.0.0.1', port: 2200, keyType: 'ssh-ed25519' });
    expect(unknown.message).toContain(unknown.fingerprint);

    // A fingerprint for another key does not admit this one.
    expect(() => checkHostKey({ ...policy, trustFingerprints: [opensshFingerprint(keyB.publicPath)] }, target, blob(keyA))).toThrow(
      HostKeyUnknownError,
    );
    expect(checkHostKey({ ...policy, trustFingerprints: [unknown.fingerprint] }, target, blob(keyA))).toBe('trusted-now');
    expect(fs.readFileSync(trusted, 'utf8')).toBe(`[127.0.0.1]:2200 ssh-ed25519 ${keyA.keyBase64}\n`);
    expect(checkHostKey(policy, target, blob(keyA))).toBe('known');
  });

  test('changed key: refused naming the host and both fingerprints, even with --trust', () => {
    const file = path.join(dir, 'changed');
    fs.writeFileSync(file, `[127.0.0.1]:2200 ${keyA.keyType} ${keyA.keyBase64}\n`);
    const policy = { knownHostsFiles: [file], trustedFile: path.join(dir, 'own2'), trustFingerprints: [opensshFingerprint(keyB.publicPath)] };
    let error: unknown;
    try {
      checkHostKey(policy, target, blob(keyB));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HostKeyChangedError);
    const changed = error as HostKeyChangedError;
    expect(changed.message).toContain('"web"');
    expect(changed.message).toContain('[127.0.0.1]:2200');
    expect(changed.message).toContain(opensshFingerprint(keyA.publicPath));
    expect(changed.message).toContain(opensshFingerprint(keyB.publicPath));
    expect(changed.recordedIn).toBe(`${file}:1`);
    expect(fs.existsSync(path.join(dir, 'own2'))).toBe(false);
  });

  test('revoked key is refused', () => {
    const file = path.join(dir, 'revoked');
    fs.writeFileSync(file, `@revoked * ${keyA.keyType} ${keyA.keyBase64}\n[127.0.0.1]:2200 ${keyA.keyType} ${keyA.keyBase64}\n`);
    expect(() => checkHostKey({ knownHostsFiles: [file], trustedFile: path.join(dir, 'own3') }, target, blob(keyA))).toThrow(
      HostKeyRevokedError,
    );
  });

  test('recorded key types are asked for first', () => {
    const file = path.join(dir, 'rsa-first');
    fs.writeFileSync(file, `[127.0.0.1]:2200 ssh-rsa AAAAB3NzaC1yc2E=\n`);
    const algorithms = hostKeyAlgorithmsFor({ knownHostsFiles: [file], trustedFile: path.join(dir, 'none') }, '127.0.0.1', 2200);
    expect(algorithms.slice(0, 2)).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
    expect(algorithms).toContain('ssh-ed25519');
  });
});

describe('resolveHost', () => {
  test('reads aliases, HostName tokens, User, Port, IdentityFile, ProxyJump and Include', () => {
    const confDir = path.join(dir, 'conf.d');
    fs.mkdirSync(confDir, { recursive: true });
    fs.writeFileSync(path.join(confDir, 'bastions.conf'), 'Host bastion\n  HostName 10.0.0.1\n  User jump\n');
    const config = path.join(dir, 'config');
    fs.writeFileSync(
      config,
      [
        `Include ${confDir}/*.conf`,
        'Host web1 web-*',
        '  HostName %h.internal',
        '  User deploy',
        '  Port 2222',
        '  IdentityFile ~/.ssh/deploy_%r',
        '  ProxyJump bastion,ops@[fd00::1]:2200',
        'Host *',
        '  IdentityFile /keys/shared',
        '',
      ].join('\n'),
    );
    const web = resolveHost('web-7', config);
    expect(web).toMatchObject({
      alias: 'web-7',
      hostName: 'web-7.internal',
      user: 'deploy',
      port: 2222,
      identityFiles: [path.join(os.homedir(), '.ssh', 'deploy_deploy'), '/keys/shared'],
      identitiesFromConfig: true,
      proxyJump: [{ host: 'bastion' }, { host: 'fd00::1', user: 'ops', port: 2200 }],
    });
    expect(resolveHost('bastion', config)).toMatchObject({ hostName: '10.0.0.1', user: 'jump', port: 22, proxyJump: [] });
    expect(resolveHost('root@web1:2022', config)).toMatchObject({ hostName: 'web1.internal', user: 'root', port: 2022 });
  });

  test('errors name the file and the field', () => {
    const config = path.join(dir, 'bad-config');
    fs.writeFileSync(config, 'Host broken\n  Port 99999\n');
    expect(() => resolveHost('broken', config)).toThrow(/Port for host "broken" in .*bad-config: port "99999"/);
    expect(() => resolveHost('web', path.join(dir, 'nope'))).toThrow(SshConfigError);
    expect(() => resolveHost('-oProxyCommand=x', config)).toThrow(/not a valid host/);
  });
});
