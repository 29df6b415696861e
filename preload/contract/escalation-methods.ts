import { z } from 'zod';
import { type Checked, checkedBy, issueText } from './checked-input';
import { IncidentId } from './incidents';

import { WEEKDAYS } from './plain-values';

export { WEEKDAYS };
export const Weekday = z.enum(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(', ')}` });
export type Weekday = z.infer<typeof Weekday>;

const ClockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'must be a time of day such as 09:00' });

/** True for an IANA zone the runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const TimeZone = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .refine(isTimeZone, { message: 'is not an IANA time zone such as Europe/Berlin or America/New_York' });

export const BusinessHours = z
  .object({
    days: z.array(Weekday).min(1, { message: 'must name at least one day' }).default(['mon', 'tue', 'wed', 'thu', 'fri']),
    start: ClockTime.default('09:00'),
    end: ClockTime.default('17:00'),
    timeZone: TimeZone.default('UTC'),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'must be later than start (business hours end on the day they start)', path: ['end'] });
export type BusinessHours = z.output<typeof BusinessHours>;

const Person = z.string().trim().min(1, { message: 'must not be empty' }).max(120, { message: 'must be at most 120 characters' });

/** A rotation: people take turns of `lengthDays`, handing over at `handoffTime` (on `handoffDay` when the turn is whole weeks). */
export const OnCallRotation = z
  .object({
    kind: z.literal('rotation'),
    people: z.array(Person).min(1, { message: 'must name at least one person' }).max(100, { message: 'must name at most 100 people' }),
    handoffDay: Weekday.default('mon'),
    handoffTime: ClockTime.default('09:00'),
    timeZone: TimeZone.default('UTC'),
    lengthDays: z.int({ message: 'must be a whole number of days' }).min(1, { message: 'must be at least 1 day' }).max(56, { message: 'must be at most 56 days' }).default(7),
    /** The date (YYYY-MM-DD, in timeZone) from which the first person's first turn is counted. */
    startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-11-23' }),
  })
  .strict();
export type OnCallRotation = z.output<typeof OnCallRotation>;

/** An iCalendar file (a path) or URL whose events' SUMMARY names who is on call. */
export const OnCallCalendar = z
  .object({
    kind: z.literal('calendar'),
    source: z.string().trim().min(1, { message: 'is required: a file path or an http(s) URL' }).max(2000),
    refreshMinutes: z.int().min(1).max(1440).default(15),
  })
  .strict();
export type OnCallCalendar = z.output<typeof OnCallCalendar>;

export const OnCallSetting = z.discriminatedUnion('kind', [OnCallRotation, OnCallCalendar], {
  message: "kind must be 'rotation' (people and a handoff time) or 'calendar' (an iCalendar file or URL)",
});
export type OnCallSetting = z.output<typeof OnCallSetting>;

export const EscalationSettings = z.object({ businessHours: BusinessHours, onCall: OnCallSetting.nullable() });
export type EscalationSettings = z.output<typeof EscalationSettings>;

function describeIssue(issue: z.core.$ZodIssue): string {
  const [top, ...rest] = issue.path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p)));
  const label = top === 'businessHours' ? 'Business hours' : top === 'onCall' ? 'On call' : 'Settings';
  return rest.length ? `${label}, field ${rest.join(' ')}: ${issueText(issue)}` : `${label}: ${issueText(issue)}`;
}

const SettingsChange = z.object({ businessHours: BusinessHours.optional(), onCall: OnCallSetting.nullable().optional() }).strict();
export type SettingsChange = z.output<typeof SettingsChange>;

/** Checks edited business hours and on-call settings; each problem names the setting and the field. */
export function checkEscalationSettings(input: unknown): Checked<SettingsChange> {
  const parsed = SettingsChange.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: parsed.error.issues.map(describeIssue) };
}

/** The next step of an incident's escalation chain, as the tray and the incident window show it. */
export const NextEscalation = z.object({
  /** 1-based position in the chain, and the chain's length. */
  step: z.number().int(),
  steps: z.number().int(),
  dueAt: z.number(),
  /** As the level names it: a role, a contact, or "on-call". */
  to: z.string(),
  /** The people it reaches today ("Dana Lee"), empty when nobody fills the role. */
  people: z.array(z.string()),
  /** The channel's name; null for a desktop notice only. */
  channel: z.string().nullable(),
});
export type NextEscalation = z.infer<typeof NextEscalation>;

export const FiredEscalation = z.object({
  step: z.number().int(),
  at: z.number(),
  to: z.string(),
  people: z.array(z.string()),
  channel: z.string().nullable(),
  /** Set when the step was passed over instead of sent (an on-call page after acknowledgement). */
  skipped: z.string().nullable(),
});

export const OnCallNow = z.object({
  source: z.enum(['rotation', 'calendar', 'none']),
  person: z.string().nullable(),
  /** When the current turn ends; null when unknown or nobody is on call. */
  until: z.number().nullable(),
  next: z.object({ person: z.string(), from: z.number() }).nullable(),
  /** Why the answer is missing: a calendar that could not be read, no rotation set. */
  problem: z.string().nullable(),
});
export type OnCallNow = z.infer<typeof OnCallNow>;

const NoParams = z.object({}).strict().default({});

export const escalationMethods = {
  'escalation.next': {
    params: z.object({ incidentId: IncidentId }).strict(),
    result: z.object({ next: NextEscalation.nullable(), fired: z.array(FiredEscalation) }),
  },
  'escalation.settings': { params: NoParams, result: EscalationSettings },
  'escalation.saveSettings': { params: checkedBy(checkEscalationSettings), result: EscalationSettings },
  'oncall.now': { params: NoParams, result: OnCallNow },
} as const;
