import type { z } from 'zod';
import type { Incident } from '../../../../preload/contract';
import type { ChannelEvent, ChannelRecipient } from '../channels-port';

/** One message for one channel about one incident, as a kind module receives it. */
export interface ChannelMessage {
  event: ChannelEvent;
  incident: Incident;
  text: string;
  subject: string;
  recipient?: ChannelRecipient;
  /** Stable for the incident on this channel ("trayage-<incident id>"): re-sends update, never duplicate. */
  dedupeKey: string;
  /**
   * The outbox row and which attempt at it this is. A later attempt may follow one whose answer never
   * came (an engine stopped mid-request, a timeout): a kind that cannot rely on the dedupe key first
   * looks whether the earlier attempt landed.
   */
  delivery?: { id: number; attempt: number };
}

export type SendOutcome =
  /**
   * `memory` is kept per channel and incident and handed to the next send (a status page's incident
   * id, an issue number); `link` is shown in the incident (the or status page's page).
   */
  | { ok: true; summary: string; memory?: Record<string, unknown>; link?: string }
  /** `error` says what, why and what to do; `retry` is false when sending again cannot help (401, 404, 422). */
  | { ok: false; error: string; retry: boolean };

export interface SendIo {
  timeoutMs: number;
  now: () => number;
  /** The channel's name, for errors that say where to fix it ("Settings → Channels → NAME"). */
  channelName?: string;
}

/**
 * A kind of channel: its settings (checked by `config`), the secret fields it keeps sealed in the
 * secret store (URLs with keys in them, tokens, passwords), and how it sends. A kind that follows
 * incidents reads and returns `memory` (null before the first successful send for the incident).
 */
export interface ChannelKind<C = unknown> {
  kind: string;
  label: string;
  config: z.ZodType<C>;
  secretFields: readonly string[];
  /** Events this kind acts on by itself once configured (e.g. a status page on 'resolved'); empty for manual-only kinds. */
  follows: readonly ChannelEvent[];
  /** Whether a followed event is for this channel at all (a resolve only when one is configured); all when absent. */
  wants?(message: ChannelMessage, config: C): boolean;
  send(message: ChannelMessage, config: C, secrets: Record<string, string>, memory: Record<string, unknown> | null, io: SendIo): Promise<SendOutcome>;
}
