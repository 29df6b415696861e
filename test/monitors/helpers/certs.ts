import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CertPair {
  key: Buffer;
  cert: Buffer;
  certFile: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function writeExt(dir: string, name: string, san: string, extra = ''): string {
  const file = path.join(dir, `${name}.ext`);
  fs.writeFileSync(file, `subjectAltName=${san}\n${extra}`);
  return file;
}

function pair(dir: string, name: string): CertPair {
  return { key: fs.readFileSync(path.join(dir, `${name}.key`)), cert: fs.readFileSync(path.join(dir, `${name}.crt`)), certFile: path.join(dir, `${name}.crt`) };
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Self-signed certificate for 127.0.0.1, valid `days` days; `days: -1` makes one that is already expired. */
export function selfSigned(dir: string, name: string, days: number): CertPair {
  openssl(['req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}.test/O=Trayage Tests`], dir);
  // `x509 -req -days -1` is how OpenSSL 3.0 (no -not_after option yet) makes a certificate that ended yesterday.
  openssl(['x509', '-req', '-in', `${name}.csr`, '-signkey', `${name}.key`, '-out', `${name}.crt`, '-days', String(days), '-extfile', writeExt(dir, name, 'DNS:localhost,IP:127.0.0.1')], dir);
  return pair(dir, name);
}

/** A private CA and a leaf it signed for the given subjectAltName. */
export function caSigned(dir: string, name: string, san: string, days: number): { ca: CertPair; leaf: CertPair } {
  openssl(['req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=Trayage Test CA'], dir);
  openssl(['req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', String(days), '-extfile', writeExt(dir, name, san)],
    dir,
  );
  return { ca: pair(dir, 'ca'), leaf: pair(dir, name) };
}
