export type AlertStatus = 'firing' | 'resolved';

/** What is known of an alert's key: the incident it opened (if still open) and the last state received. */
export interface KnownAlert {
  incidentId: number;
  state: AlertStatus;
  incidentOpen: boolean;
}

/**
 * What a received alert does. Re-sent alerts (Alertmanager repeats every group_interval and
 * repeat_interval) change nothing; an alert firing again after it resolved, while its incident is
 * still open, is noted once; a resolved alert is stamped on its incident and never resolves it:
 * the person working the incident decides that. An incident resolved by a person is closed for
 * its alert: firing again opens a new one.
 */
export type AlertOutcome = 'declared' | 'refired' | 'resolved' | 'unchanged' | 'ignored';

export function decideAlert(known: KnownAlert | null, status: AlertStatus): AlertOutcome {
  const open = known !== null && known.incidentOpen;
  if (status === 'firing') {
    if (!open) return 'declared';
    return known.state === 'firing' ? 'unchanged' : 'refired';
  }
  if (!open) return 'ignored';
  return known.state === 'resolved' ? 'unchanged' : 'resolved';
}
