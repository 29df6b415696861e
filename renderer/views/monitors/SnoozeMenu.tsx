import { useApi } from '../../app-context';
import { formatClock } from '../../format';
import { SNOOZE_CHOICES } from './snooze';

/** Snooze notifications for one scope (`monitor:7`, or `all`), or resume them. */
export function SnoozeMenu({ scope, until, now, onDone }: { scope: string; until: number | null; now: number; onDone: (text: string) => void }) {
  const api = useApi();
  const what = scope === 'all' ? 'all notifications' : 'notifications';
  const snooze = async (minutes: number) => {
    try {
      const result = await api.call('notifications.snooze', { scope, minutes });
      onDone(minutes === 0 ? `${what} resumed.` : `Snoozed ${what} until ${formatClock(result.until)}.`);
    } catch (err) {
      onDone((err as Error).message);
    }
  };
  if (until !== null && until > now) {
    return (
      <span className="snoozed">
        Snoozed until {formatClock(until)}{' '}
        <button type="button" onClick={() => void snooze(0)}>
          Resume {what}
        </button>
      </span>
    );
  }
  return (
    <select
      aria-label={scope === 'all' ? 'Snooze all notifications' : 'Snooze notifications of this monitor'}
      value=""
      onChange={(e) => {
        const choice = SNOOZE_CHOICES[Number(e.target.value)];
        if (choice) void snooze(choice.minutes(new Date()));
      }}
    >
      <option value="">{scope === 'all' ? 'Snooze all…' : 'Snooze…'}</option>
      {SNOOZE_CHOICES.map((c, i) => (
        <option key={c.label} value={i}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
