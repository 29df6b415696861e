import path from 'node:path';
import { type EscalationSettings, OnCallSetting, type SettingsChange } from '../../../preload/contract';
import type { IncidentsPort } from '../incidents/incidents-port';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SettingsStore } from '../settings/settings-store';

export const ON_CALL_SETTING = 'onCall';

/** The on-call rotation or calendar: this area's own setting. */
export function readOnCallSetting(settings: SettingsStore): OnCallSetting | null {
  return settings.get(ON_CALL_SETTING, OnCallSetting.nullable(), null);
}

/** What Settings shows under "On call and business hours"; business hours are the incidents area's. */
export function readEscalationSettings(settings: SettingsStore, incidents: IncidentsPort): EscalationSettings {
  return { businessHours: incidents.businessHours(), onCall: readOnCallSetting(settings) };
}

/** What the schema cannot see: a calendar source must be an absolute path or an http(s) URL. */
function checkCalendarSource(source: string): void {
  if (/^(https?|webcal):\/\//i.test(source) || source.startsWith('file://') || path.isAbsolute(source)) return;
  const message = `'${source}' is neither an absolute file path nor an http(s) URL; give the full path of the .ics file or its URL`;
  throw new RpcFailure('bad_request', `On call, field source: ${message}`, [{ path: 'onCall.source', message }]);
}

function checkStartDate(startsOn: string): void {
  const [y, m, d] = startsOn.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return;
  const message = `${startsOn} is not a date in the calendar`;
  throw new RpcFailure('bad_request', `On call, field startsOn: ${message}`, [{ path: 'onCall.startsOn', message }]);
}

/** Stores what changed (fields left out keep their value) and returns the settings in force. */
export function saveEscalationSettings(settings: SettingsStore, incidents: IncidentsPort, change: SettingsChange): EscalationSettings {
  if (change.onCall?.kind === 'calendar') checkCalendarSource(change.onCall.source);
  if (change.onCall?.kind === 'rotation') checkStartDate(change.onCall.startsOn);
  if (change.businessHours) incidents.setBusinessHours(change.businessHours);
  if (change.onCall !== undefined) settings.set(ON_CALL_SETTING, change.onCall);
  return readEscalationSettings(settings, incidents);
}
