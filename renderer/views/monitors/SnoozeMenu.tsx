import { useApi } from '../../app-context';
import { formatDateTime } from '../../../main/shared/time-format';
import { useMutation } from '../../store/use-mutation';
import { StatusLine } from '../StatusLine';
import { SNOOZE_CHOICES } from './snooze';

/** Snooze notifications for one scope (`monitor:7`, or `all`), or resume them. */
export function SnoozeMenu({ scope, until, now, refresh }: { scope: string; until: number | null; now: number; refresh: () => Promise<void> }) {
  const api = useApi();
  const snoozing = useMutation(refresh);
  const what = scope === 'all' ? 'all notifications' : 'notifications';
  const snooze = (minutes: number) =>
    snoozing.run(
      () => api.call('notifications.snooze', { scope, minutes }),
      (result) => (minutes === 0 ? `${what} resumed.` : `Snoozed ${what} until ${formatDateTime(result.until)}.`),
    );
  const control =
    until !== null && until > now ? (
      <span className="snoozed">
        Snoozed until {formatDateTime(until)}{' '}
        <button type="button" disabled={snoozing.busy} onClick={() => void snooze(0)}>
          Resume {what}
        </button>
      </span>
    ) : (
      <select
        aria-label={scope === 'all' ? 'Snooze all notifications' : 'Snooze notifications of this monitor'}
        value=""
        disabled={snoozing.busy}
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
  return (
    <>
      {control}
      <StatusLine message={snoozing.message} />
    </>
  );
}
