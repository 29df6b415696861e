import type { Incident } from '../../../preload/contract';

/** Why a message goes out; kinds that follow an incident (status pages, issues, events APIs) act on it. */
export type ChannelEvent = 'declared' | 'update' | 'status' | 'resolved' | 'page';

export interface ChannelRecipient {
  /** A contact's or role's name as shown in the timeline ("Dana (L2)", "the on-call"). */
  name: string;
  email?: string;
}

export interface ChannelSendRequest {
  channelId: number;
  incidentId: number;
  event: ChannelEvent;
  /** The message as people read it (already rendered from its template). */
  text: string;
  /** One line: an e-mail subject, an events-API summary; the incident's title when left out. */
  subject?: string;
  recipient?: ChannelRecipient;
  /** Who asked (a person, or "escalation"); stamped with the attempt in the timeline. */
  actor?: string;
  /** The communication template the text came from, kept with a sent update. */
  templateId?: string;
}

export interface ChannelSummary {
  id: number;
  name: string;
  kind: string;
}

/**
 * What other areas (escalation, on-call) may ask of the channels area. A send is queued durably and
 * delivered exactly once through the channel outbox; every attempt, failed or not, is stamped in the
 * incident's timeline with the text kept.
 */
export interface ChannelsPort {
  send(request: ChannelSendRequest): { deliveryId: number };
  list(): ChannelSummary[];
  /** Called with each incident whose channels were told of an event, after the outbox recorded the outcome. */
  onDelivered?(listener: (incident: Incident, channelId: number, ok: boolean) => void): void;
}
