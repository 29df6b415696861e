import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedPort } from '../helpers/recording-server';
import { startSmtpServer, type SmtpServer } from '../helpers/smtp-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { channelEngine, fakeClock, until } from './engine-parts';

describe('e-mail channel through a real SMTP server (aiosmtpd)', () => {
  let dir: string;
  let smtp: SmtpServer;
  let parts: ReturnType<typeof channelEngine>;
  let clock = fakeClock();

  beforeEach(async () => {
    dir = tempDir();
    clock = fakeClock();
    smtp = await startSmtpServer(dir);
    parts = channelEngine(dir, () => clock.t);
  });
  afterEach(async () => {
    parts.engine.close();
    await smtp.stop();
    expect(parts.errors).toEqual([]);
    removeDir(dir);
  });

  it('pages a person by e-mail with the subject and body, stamped in the timeline', async () => {
    const { call, timeline } = parts;
    await call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1', impact: 'EU customers cannot pay', commander: 'ana' });
    const channel = await call('channels.save', {
      name: 'oncall-mail',
      kind: 'email',
      host: smtp.host,
      port: smtp.port,
      security: 'none',
      from: 'trayage@example.test',
      to: ['team@example.test'],
    });
    expect(channel).toMatchObject({ kind: 'email', settings: { host: '127.0.0.1', port: smtp.port, security: 'none', to: ['team@example.test'] }, secretsSet: [] });

    const result = await call('channels.page', { incidentId: 1, channelId: channel.id, recipient: { name: 'Dana (L2)', email: 'dana@example.test' } });
    expect(result).toMatchObject({ ok: true, state: 'sent', summary: `accepted by 127.0.0.1:${smtp.port} for dana@example.test` });

    const [mail] = await until('the e-mail to arrive', () => smtp.messages().length === 1 && smtp.messages());
    expect(mail.mailFrom).toBe('trayage@example.test');
    expect(mail.rcptTos).toEqual(['dana@example.test']);
    expect(mail.subject).toBe('Page: #1 P1 · Checkout returns 502');
    expect(mail.data).toMatch(/^X-Trayage-Dedupe-Key: trayage-1$/m);
    expect(mail.body.replace(/\r\n/g, '\n')).toContain('Dana (L2), you are paged for incident #1 (P1): Checkout returns 502.\nStatus: investigating.\nImpact: EU customers cannot pay\nCommander: ana');

    const entry = (await timeline(1)).find((e) => e.kind === 'channel');
    expect(entry?.text).toBe(`Page sent via oncall-mail to Dana (L2) (accepted by 127.0.0.1:${smtp.port} for dana@example.test):\n${result.text}`);

    // Without a recipient of its own, an update goes to the channel's list.
    const update = await call('updates.post', { incidentId: 1, channelId: channel.id, text: 'Rolling back the checkout deploy.' });
    expect(update).toMatchObject({ ok: true, state: 'sent' });
    const second = await until('the second e-mail', () => smtp.messages()[1]);
    expect(second.rcptTos).toEqual(['team@example.test']);
    expect(second.subject).toBe('#1 P1 · Checkout returns 502');
    expect(second.body).toContain('Rolling back the checkout deploy.');
  });

  it('reports a refused connection for people, keeps the text and tries again later', async () => {
    const { call, timeline } = parts;
    const port = await refusedPort();
    await call('incidents.declare', { title: 'Disk full on db-1', severity: 'P2' });
    const channel = await call('channels.save', { name: 'mail-down', kind: 'email', host: '127.0.0.1', port, security: 'none', from: 'trayage@example.test', to: ['ops@example.test'] });
    const result = await call('channels.page', { incidentId: 1, channelId: channel.id, text: 'Please look at db-1.' });
    expect(result).toMatchObject({ ok: false, text: 'Please look at db-1.', willRetry: true });
    expect(result.error).toBe(
      `E-mail failed: connection refused by SMTP server 127.0.0.1:${port}: nothing is listening there. Check the host and port in Settings → Channels → mail-down and that the mail server is up.`,
    );
    const failed = (await timeline(1)).filter((e) => e.kind === 'update-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].text).toBe(`Page NOT sent via mail-down: ${result.error} Trying again at 02:00 UTC (attempt 2 of 6).`);
    expect(failed[0].data).toMatchObject({ text: 'Please look at db-1.', attempt: 1, gaveUp: false });
  });

  it('refuses a channel without a usable sender, naming the field', async () => {
    await expect(parts.call('channels.save', { name: 'bad', kind: 'email', host: 'localhost', from: 'not-an-address' })).rejects.toThrow(/from is not an e-mail address/);
  });
});
