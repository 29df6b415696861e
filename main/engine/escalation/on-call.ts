import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { OnCallCalendar, OnCallNow } from '../../../preload/contract';
import type { SettingsStore } from '../settings/settings-store';
import { type CalendarEvent, calendarTurns, parseICalendar } from './domain/icalendar';
import { type OnCallTurns, rotationTurns } from './domain/rotation';
import { readOnCallSetting } from './escalation-settings';

const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;

interface Loaded {
  source: string;
  loadedAt: number;
  events: CalendarEvent[];
  problem: string | null;
}

async function readCalendarText(source: string, timeoutMs: number): Promise<string> {
  if (/^(https?|webcal):\/\//i.test(source)) {
    const url = source.replace(/^webcal:/i, 'https:');
    const reply = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/calendar' } });
    if (!reply.ok) throw new Error(`${url} answered HTTP ${reply.status}; check the calendar's address and that it is shared`);
    const text = await reply.text();
    if (text.length > MAX_CALENDAR_BYTES) throw new Error(`${url} sent more than 2 MiB; point at a calendar of on-call turns only`);
    return text;
  }
  const file = source.startsWith('file://') ? fileURLToPath(source) : source;
  const stat = await fs.stat(file);
  if (stat.size > MAX_CALENDAR_BYTES) throw new Error(`${file} is larger than 2 MiB; point at a calendar of on-call turns only`);
  return fs.readFile(file, 'utf8');
}

/**
 * Who is on call, from the rotation or the calendar in Settings. A calendar is read when first
 * asked for and again every `refreshMinutes`; between reads the last good copy answers, so
 * escalation never waits on the network.
 */
export class OnCall {
  private loaded: Loaded | null = null;

  constructor(
    private readonly settings: SettingsStore,
    /** The team's zone (business hours'), for a calendar that names none. */
    private readonly teamZone: () => string,
    private readonly now: () => number,
    private readonly timeoutMs = 10_000,
  ) {}

  async refresh(): Promise<void> {
    const setting = readOnCallSetting(this.settings);
    if (setting?.kind !== 'calendar') return;
    const fresh = this.loaded?.source === setting.source && this.now() - this.loaded.loadedAt < setting.refreshMinutes * 60_000;
    if (!fresh) await this.load(setting);
  }

  private async load(setting: OnCallCalendar): Promise<void> {
    const kept = this.loaded?.source === setting.source ? this.loaded.events : [];
    try {
      const text = await readCalendarText(setting.source, this.timeoutMs);
      // Floating times and all-day turns are on the team's clock when the calendar names no zone.
      const parsed = parseICalendar(text, this.teamZone());
      const problem = parsed.problems.length ? `${setting.source}: ${parsed.problems.join('; ')}` : null;
      this.loaded = { source: setting.source, loadedAt: this.now(), events: parsed.events, problem };
    } catch (err) {
      const why = (err as Error)?.message ?? String(err);
      this.loaded = { source: setting.source, loadedAt: this.now(), events: kept, problem: `Could not read the on-call calendar ${setting.source}: ${why}` };
    }
  }

  turns(at = this.now()): { source: OnCallNow['source']; turns: OnCallTurns; problem: string | null } {
    const setting = readOnCallSetting(this.settings);
    if (!setting) return { source: 'none', turns: { current: null, next: null }, problem: 'No on-call rotation or calendar is set in Settings.' };
    if (setting.kind === 'rotation') return { source: 'rotation', turns: rotationTurns(setting, at), problem: null };
    const loaded = this.loaded?.source === setting.source ? this.loaded : null;
    if (!loaded) return { source: 'calendar', turns: { current: null, next: null }, problem: `The on-call calendar ${setting.source} has not been read yet.` };
    return { source: 'calendar', turns: calendarTurns(loaded.events, at), problem: loaded.problem };
  }

  answer(): OnCallNow {
    const { source, turns, problem } = this.turns();
    return {
      source,
      person: turns.current?.person ?? null,
      until: turns.current?.until ?? null,
      next: turns.next ? { person: turns.next.person, from: turns.next.from } : null,
      problem,
    };
  }
}
