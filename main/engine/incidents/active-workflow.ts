import { z } from 'zod';
import { BusinessHours, Contact, type SchemeChoice, SeverityScheme, StatusLifecycle } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SettingsStore } from '../settings/settings-store';
import { BUSINESS_HOURS_SETTING, DEFAULT_BUSINESS_HOURS } from './domain/business-hours';
import { validateContacts } from './domain/contacts';
import { DEFAULT_LIFECYCLE, validateLifecycle } from './domain/lifecycle';
import { copyScheme, READY_MADE_SCHEMES } from './domain/scheme-catalog';
import { validateSeverityScheme } from './domain/severity-schemes';

const SCHEME_KEY = 'severity.scheme';
const CONTACTS_KEY = 'contacts';
const LIFECYCLE_KEY = 'lifecycle';
// Until a team picks its own: P1–P4, whose P1 is the level the runbooks' critical checklist is written for.
export const APP_DEFAULT_SCHEME_ID = 'p1-p4-heroforge';

// The team's chosen severity scheme, statuses and contacts, read once and kept until changed.
// Each setter checks what it stores: not every caller came through the RPC door (a runbook's
// scheme does not).
export class ActiveWorkflow {
  private cachedScheme: SeverityScheme | null = null;
  private cachedLifecycle: StatusLifecycle | null = null;

  constructor(private readonly settings: SettingsStore) {}

  scheme(): SeverityScheme {
    this.cachedScheme ??= this.settings.get(SCHEME_KEY, SeverityScheme, copyScheme(APP_DEFAULT_SCHEME_ID));
    return this.cachedScheme;
  }

  // Incidents already declared keep the level they were rated with; the scheme rates new ones.
  setScheme(choice: SchemeChoice): SeverityScheme {
    return this.store(this.checkScheme(choice));
  }

  /** The scheme a choice names, checked, without choosing it. */
  checkScheme(choice: SchemeChoice): SeverityScheme {
    if (!('levels' in choice)) {
      if (!READY_MADE_SCHEMES.some((s) => s.id === choice.id)) {
        throw new RpcFailure('bad_request', `There is no ready-made scheme '${choice.id}'; choose one of ${READY_MADE_SCHEMES.map((s) => s.id).join(', ')}.`);
      }
      return copyScheme(choice.id);
    }
    const check = validateSeverityScheme(choice);
    if (!check.ok) {
      throw new RpcFailure('bad_request', `The severity scheme has ${check.errors.length} problem(s): ${check.errors.join('; ')}`,
        check.errors.map((message) => ({ path: 'scheme', message })));
    }
    return check.scheme;
  }

  lifecycle(): StatusLifecycle {
    this.cachedLifecycle ??= this.settings.get(LIFECYCLE_KEY, StatusLifecycle, DEFAULT_LIFECYCLE);
    return this.cachedLifecycle;
  }

  // Incidents already in a status the new lifecycle drops keep it until someone moves them.
  setLifecycle(lifecycle: StatusLifecycle): StatusLifecycle {
    const check = validateLifecycle(lifecycle);
    if (!check.ok) {
      throw new RpcFailure('bad_request', `The statuses have ${check.errors.length} problem(s): ${check.errors.join('; ')}`,
        check.errors.map((message) => ({ path: 'lifecycle', message })));
    }
    this.settings.set(LIFECYCLE_KEY, check.lifecycle);
    this.cachedLifecycle = check.lifecycle;
    return check.lifecycle;
  }

  /** Read on each use, as another process (the CLI, a second engine) may change them. */
  businessHours(): BusinessHours {
    return this.settings.get(BUSINESS_HOURS_SETTING, BusinessHours, DEFAULT_BUSINESS_HOURS);
  }

  setBusinessHours(hours: BusinessHours): BusinessHours {
    this.settings.set(BUSINESS_HOURS_SETTING, hours);
    return hours;
  }

  contacts(): Contact[] {
    return this.settings.get(CONTACTS_KEY, z.array(Contact), []);
  }

  setContacts(contacts: Contact[]): Contact[] {
    const check = validateContacts(contacts);
    if (!check.ok) {
      throw new RpcFailure('bad_request', `Contacts: ${check.errors.join('; ')}`, check.errors.map((message) => ({ path: 'contacts', message })));
    }
    this.settings.set(CONTACTS_KEY, check.contacts);
    return check.contacts;
  }

  private store(scheme: SeverityScheme): SeverityScheme {
    this.settings.set(SCHEME_KEY, scheme);
    this.cachedScheme = scheme;
    return scheme;
  }
}
