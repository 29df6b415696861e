import type { EscalationStep, Incident, NextEscalation } from '../../../preload/contract';
import type { ChannelsPort } from '../channels/channels-port';
import type { EngineContext } from '../engine-context';
import { hasOwnChain, isOnCallStep, levelChain, nextChainStep, passedOver, stepDueAt } from '../incidents/domain/escalation-chain';
import { formatMinutes } from '../incidents/domain/format-time';
import { isOpenStatus, isWatchStatus } from '../incidents/domain/lifecycle';
import type { IncidentsPort } from '../incidents/incidents-port';
import { describeTarget, type Recipient, stepRecipients } from './domain/recipients';
import type { EscalationStore } from './escalation-store';
import type { OnCall } from './on-call';

export interface EscalationParts {
  incidents: IncidentsPort;
  channels?: ChannelsPort;
  store: EscalationStore;
  onCall: OnCall;
}

type ChannelPick = { id: number; name: string } | { error: string } | null;

/**
 * Fires the steps of each followed incident's chain, each once, in order: a desktop notice, a page
 * through the step's channel, and an 'escalated' entry in the timeline. Steps fire while the
 * incident is open; a watch status (Monitoring) holds them, resolving ends the chain, and an
 * on-call page falls away once someone acknowledged.
 */
export class EscalationService {
  constructor(
    private readonly ctx: EngineContext,
    private readonly parts: EscalationParts,
  ) {}

  /** Starts following an incident whose level brings its own chain. */
  follow(incident: Incident): void {
    if (incident.level && hasOwnChain(incident.level) && levelChain(incident.level).length > 0) this.parts.store.follow(incident.id);
  }

  /**
   * A re-opened incident's remaining steps fire again (their times still count from declaration);
   * an incident re-rated to a level with a chain is followed from then on.
   */
  changed(after: Incident, before: Incident): void {
    const lifecycle = this.parts.incidents.lifecycle();
    if (!isOpenStatus(lifecycle, after.status)) return;
    if (!isOpenStatus(lifecycle, before.status) || after.severity !== before.severity) this.follow(after);
  }

  /** Fires every step due by now; returns how many fired. */
  check(): number {
    const now = this.ctx.now();
    const lifecycle = this.parts.incidents.lifecycle();
    const hours = this.parts.incidents.businessHours();
    let fired = 0;
    for (const id of this.parts.store.following()) {
      let incident: Incident;
      try {
        incident = this.parts.incidents.get(id);
      } catch {
        this.parts.store.end(id, now);
        continue;
      }
      const level = incident.level;
      if (!level || !hasOwnChain(level) || !isOpenStatus(lifecycle, incident.status)) {
        this.parts.store.end(id, now);
        continue;
      }
      if (isWatchStatus(lifecycle, incident.status)) continue;
      const chain = levelChain(level);
      const done = new Set(this.parts.store.fired(id).map((f) => f.step));
      for (let index = 0; index < chain.length; index++) {
        if (done.has(index)) continue;
        if (stepDueAt(level, incident.createdAt, chain[index], hours) > now) break;
        if (this.fire(incident, chain, index, now)) fired++;
      }
      if (this.parts.store.fired(id).length >= chain.length) this.parts.store.end(id, now);
    }
    if (fired > 0) this.ctx.trayChanged();
    return fired;
  }

  private pickChannel(name: string | undefined): ChannelPick {
    if (!name) return null;
    if (!this.parts.channels) return { error: `channel '${name}' cannot be used: channels are not available in this engine` };
    const wanted = name.trim().toLowerCase();
    const found = this.parts.channels.list().find((c) => String(c.id) === wanted || c.name.toLowerCase() === wanted);
    return found ? { id: found.id, name: found.name } : { error: `there is no channel '${name}'; add it under Settings → Channels or correct the level's escalation step` };
  }

  private fire(incident: Incident, chain: EscalationStep[], index: number, now: number): boolean {
    const step = chain[index];
    const place = `Escalation step ${index + 1} of ${chain.length}`;
    if (passedOver(step, incident.acknowledgedAt)) {
      this.parts.store.claim(incident.id, { step: index, at: now, to: step.to, people: [], channel: step.channel ?? null, skipped: 'acknowledged before the on-call page was due' });
      return false;
    }
    const people = stepRecipients(step, this.parts.incidents.contacts(), this.parts.onCall.turns(now).turns.current?.person ?? null);
    const channel = this.pickChannel(step.channel);
    const target = describeTarget(step, people);
    const late = `${incident.severity} unresolved after ${formatMinutes(step.afterMinutes)}`;
    const claimed = this.ctx.db.transaction(() => {
      const record = { step: index, at: now, to: step.to, people: people.map((p) => p.name), channel: channel && 'id' in channel ? channel.name : null, skipped: null };
      if (!this.parts.store.claim(incident.id, record)) return false;
      const sent = channel && 'id' in channel ? this.page(incident, channel, people, step, `${place}: ${late}`) : null;
      const how = channel === null ? 'desktop notice' : 'id' in channel ? `channel ${channel.name}${sent ? ` (${sent})` : ''}` : `desktop notice only: ${channel.error}`;
      this.ctx.notifier.notify({
        key: `escalation:${incident.id}:${index}`,
        title: `#${incident.id} ${incident.severity} · ${incident.title}`,
        body: `${place}: escalate to ${target} — ${late}.${channel && 'error' in channel ? ` Not paged: ${channel.error}.` : ''}`,
        severity: incident.severity,
        target: { kind: 'incident', id: String(incident.id) },
        scope: `incident:${incident.id}`,
      });
      this.parts.incidents.record(
        incident.id,
        'escalated',
        `${place} to ${target} by ${how}: ${late}`,
        { step: index, steps: chain.length, to: step.to, people: record.people, channel: record.channel, error: channel && 'error' in channel ? channel.error : null },
        'escalation',
      );
      return true;
    })();
    return claimed;
  }

  /** Queues one page per person reached (one to the role when nobody is on file); a refusal is told, not thrown. */
  private page(incident: Incident, channel: { id: number; name: string }, people: Recipient[], step: EscalationStep, why: string): string | null {
    const channels = this.parts.channels as ChannelsPort;
    const to: Recipient[] = people.length ? people : [{ name: isOnCallStep(step) ? 'the on-call' : step.to }];
    const errors: string[] = [];
    for (const recipient of to) {
      const text = `${recipient.name}: you are paged for incident #${incident.id} ${incident.severity} "${incident.title}" — ${why}.${incident.impact ? ` Impact: ${incident.impact}` : ''}`;
      try {
        channels.send({ channelId: channel.id, incidentId: incident.id, event: 'page', text, subject: `[${incident.severity}] #${incident.id} ${incident.title}: escalation`, recipient, actor: 'escalation' });
      } catch (err) {
        errors.push(`${recipient.name}: ${(err as Error)?.message ?? String(err)}`);
      }
    }
    return errors.length ? `not queued for ${errors.join('; ')}` : null;
  }

  /** The next step still to fire for an incident, with who it reaches today; null when none is left. */
  next(incident: Incident): NextEscalation | null {
    const level = incident.level;
    const lifecycle = this.parts.incidents.lifecycle();
    if (!level || !hasOwnChain(level) || !isOpenStatus(lifecycle, incident.status) || isWatchStatus(lifecycle, incident.status)) return null;
    const done = new Set(this.parts.store.fired(incident.id).map((f) => f.step));
    const next = nextChainStep(level, incident.createdAt, incident.acknowledgedAt, done, this.parts.incidents.businessHours());
    if (!next) return null;
    const people = stepRecipients(next.step, this.parts.incidents.contacts(), this.parts.onCall.turns(Math.max(next.dueAt, this.ctx.now())).turns.current?.person ?? null);
    const channel = this.pickChannel(next.step.channel);
    return {
      step: next.index + 1,
      steps: levelChain(level).length,
      dueAt: next.dueAt,
      to: next.step.to,
      people: people.map((p) => p.name),
      channel: channel && 'id' in channel ? channel.name : null,
    };
  }
}
