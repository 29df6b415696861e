import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { ChannelKind, SendOutcome } from './channel-kind';

const Address = z.email({ message: 'is not an e-mail address' }).max(320);

export const EmailConfig = z
  .object({
    host: z.string().trim().min(1, { message: 'the SMTP host is required' }).max(253),
    port: z.number().int().min(1).max(65_535).default(587),
    // tls: TLS from the first byte (port 465); starttls: upgrade required (587); none: plain (a relay on localhost).
    security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
    user: z.string().max(320).default(''),
    from: Address,
    // Who gets a message that names no recipient of its own (a Page without one, an update).
    to: z.array(Address).max(50).default([]),
  })
  .strict();
export type EmailConfig = z.infer<typeof EmailConfig>;

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** nodemailer's errors for people: where, what it means, what to do; and whether sending again can help. */
export function describeSmtpError(err: SmtpError, config: EmailConfig, channel: string): SendOutcome {
  const where = `${config.host}:${config.port}`;
  const fail = (why: string, retry: boolean): SendOutcome => ({ ok: false, error: `E-mail failed: ${why}`, retry });
  const text = `${err.message ?? ''}`;
  if (/ECONNREFUSED/.test(text) || (err.code === 'ECONNECTION' && /refused/i.test(text))) {
    return fail(`connection refused by SMTP server ${where}: nothing is listening there. Check the host and port in Settings → Channels → ${channel} and that the mail server is up.`, true);
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return fail(`SMTP host ${config.host} was not found (DNS). Check the host in Settings → Channels → ${channel}.`, true);
  if (err.code === 'ETIMEDOUT' || /timeout/i.test(text)) return fail(`no answer from SMTP server ${where}: timed out. Check the host, port and firewall.`, true);
  if (err.code === 'EAUTH') {
    return fail(`${where} refused the login of '${config.user}' (${(err.response ?? text).trim()}). Re-enter the password in Settings → Channels → ${channel}.`, false);
  }
  if (err.code === 'ETLS' || /TLS|SSL|certificate|wrong version/i.test(text)) {
    return fail(`TLS with ${where} failed (${text}). Check the security setting: port 465 is usually "tls", 587 "starttls".`, false);
  }
  if (err.code === 'EENVELOPE') return fail(`${where} refused the sender or recipients (${(err.response ?? text).trim()}). Check the addresses.`, false);
  if (err.responseCode !== undefined) {
    return fail(`${where} answered ${err.responseCode} (${(err.response ?? text).trim()}).`, err.responseCode < 500);
  }
  return fail(`${text || 'the message was not accepted'} (${where}).`, true);
}

/** E-mail through SMTP; the password is sealed, the rest is settings. */
export const emailKind: ChannelKind<EmailConfig> = {
  kind: 'email',
  label: 'E-mail (SMTP)',
  config: EmailConfig as z.ZodType<EmailConfig>,
  secretFields: ['password'],
  follows: [],
  async send(message, config, secrets, _memory, io): Promise<SendOutcome> {
    const channel = io.channelName ?? 'this channel';
    const to = message.recipient?.email ? [message.recipient.email] : config.to;
    if (to.length === 0) {
      const who = message.recipient ? `${message.recipient.name} has no e-mail address` : 'the message names no recipient';
      return { ok: false, error: `E-mail failed: ${who} and the channel lists none. Add addresses to "To" in Settings → Channels → ${channel}.`, retry: false };
    }
    const transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.security === 'tls',
      requireTLS: config.security === 'starttls',
      ignoreTLS: config.security === 'none',
      auth: config.user ? { user: config.user, pass: secrets.password ?? '' } : undefined,
      connectionTimeout: io.timeoutMs,
      greetingTimeout: io.timeoutMs,
      socketTimeout: io.timeoutMs,
    });
    const i = message.incident;
    try {
      const info = await transport.sendMail({
        from: config.from,
        to,
        subject: message.subject,
        text: `${message.text}\n\n--\nIncident #${i.id} · ${i.severity} · ${i.title}\nStatus: ${i.status}${i.service ? ` · Service: ${i.service}` : ''}\nSent by Trayage.`,
        headers: { 'X-Trayage-Incident': String(i.id), 'X-Trayage-Dedupe-Key': message.dedupeKey },
      });
      const accepted = (info.accepted as (string | { address: string })[]).map((a) => (typeof a === 'string' ? a : a.address));
      return { ok: true, summary: `accepted by ${config.host}:${config.port} for ${accepted.join(', ') || to.join(', ')}` };
    } catch (err) {
      return describeSmtpError(err as SmtpError, config, channel);
    } finally {
      transport.close();
    }
  },
};
