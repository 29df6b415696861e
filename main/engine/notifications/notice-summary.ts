import type { TrayTarget } from '../../../preload/contract';
import type { Delivery } from './delivery-types';

// A summary names this many notices; the rest are counted.
export const LISTED = 5;

export interface SummarizedNotice {
  title: string;
  severity: string | null;
  target: string | null;
}

export interface Summary {
  delivery: Delivery;
  /** Where a click on it leads. */
  target: TrayTarget;
}

/**
 * One notice that stands for many raised together (a shared dependency failing takes down many
 * monitors at once): the oldest few by title, how many more, and the loudest sound among them.
 */
export function summaryOf(notices: readonly SummarizedNotice[], soundFor: (severity: string | null) => string | boolean): Summary {
  const listed = notices.slice(0, LISTED).map((notice) => notice.title);
  const rest = notices.length - listed.length;
  const target = summaryTarget(notices);
  const delivery = {
    title: `${notices.length} notices${about(target)}`,
    body: [...listed, ...(rest > 0 ? [`and ${rest} more; see them all under Notices in Trayage`] : [])].join('\n'),
    sound: loudest(notices.map((notice) => soundFor(notice.severity))),
  };
  return { delivery, target };
}

const ALL_NOTICES: TrayTarget = { kind: 'notices', id: '' };

/**
 * Where a click on the summary leads: the one thing all its notices are about, else the list of
 * the one kind they share (an empty id), else the Notices window, which lists them all.
 */
function summaryTarget(notices: readonly SummarizedNotice[]): TrayTarget {
  const targets = notices.map((notice) => (notice.target ? (JSON.parse(notice.target) as TrayTarget) : null));
  const first = targets[0];
  if (!first || targets.some((target) => target === null)) return ALL_NOTICES;
  if (targets.every((target) => target!.kind === first.kind && target!.id === first.id)) return first;
  if (targets.every((target) => target!.kind === first.kind)) return { kind: first.kind, id: '' };
  return ALL_NOTICES;
}

const KINDS: Record<Exclude<TrayTarget['kind'], 'notices'>, [string, string]> = {
  monitor: ['monitor', 'monitors'],
  incident: ['incident', 'incidents'],
  alert: ['alert', 'alerts'],
  source: ['alert source', 'alert sources'],
};

// What the title says the notices are about: " about monitors", " about one incident", or nothing.
function about(target: TrayTarget): string {
  if (target.kind === 'notices') return '';
  const [one, many] = KINDS[target.kind];
  return target.id === '' ? ` about ${many}` : ` about one ${one}`;
}

// A named sound (a severity's own) over the platform's sound over none.
function loudest(sounds: readonly (string | boolean)[]): string | boolean {
  return sounds.find((sound) => typeof sound === 'string') ?? sounds.some((sound) => sound === true);
}
