import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ReceivedMail {
  // Decoded by Python's e-mail parser, as a mail client shows them.
  subject: string;
  body: string;
  mailFrom: string;
  rcptTos: string[];
  // The whole message as it arrived: headers, blank line, body.
  data: string;
}

export interface SmtpServer {
  host: string;
  port: number;
  /** Messages accepted so far, in order. */
  messages(): ReceivedMail[];
  stop(): Promise<void>;
}

/** Debian's aiosmtpd (python3-aiosmtpd) on loopback, started for the test and stopped by its PID. */
export async function startSmtpServer(dir: string): Promise<SmtpServer> {
  const out = fs.mkdtempSync(path.join(dir, 'smtp-'));
  const child: ChildProcess = spawn('/usr/bin/python3', [path.join(import.meta.dirname, 'smtp-sink.py'), out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) resolve(Number(line));
    });
    child.once('exit', (code) => reject(new Error(`the SMTP server exited (${code}) before listening: ${stderr.trim() || 'no output'}. Is python3-aiosmtpd installed?`)));
  });
  return {
    host: '127.0.0.1',
    port,
    messages: () =>
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const m = JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')) as { subject: string; body: string; mail_from: string; rcpt_tos: string[]; data: string };
          return { subject: m.subject, body: m.body, mailFrom: m.mail_from, rcptTos: m.rcpt_tos, data: m.data };
        }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(child.pid!, 'SIGTERM');
      }),
  };
}
