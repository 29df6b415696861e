import { z } from 'zod';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SettingsStore } from '../settings/settings-store';
import { type Contact, validateContacts } from './domain/contacts';
import { DEFAULT_LIFECYCLE, type StatusLifecycle, StatusLifecycleSchema, validateLifecycle } from './domain/lifecycle';
import { copyScheme, READY_MADE_SCHEMES } from './domain/scheme-catalog';
import { findLevel, type SeverityLevel, type SeverityScheme, SeveritySchemeSchema, validateSeverityScheme } from './domain/severity-schemes';

const SCHEME_KEY = 'severity.scheme';
const CONTACTS_KEY = 'contacts';
const LIFECYCLE_KEY = 'lifecycle';
// Until a team picks its own: P1–P4, whose P1 is the level the runbooks' critical checklist is written for.
export const APP_DEFAULT_SCHEME_ID = 'p1-p4-heroforge';

// The team's chosen severity scheme, statuses and contacts, read once and kept until changed.
export class ActiveWorkflow {
  private cachedScheme: SeverityScheme | null = null;
  private cachedLifecycle: StatusLifecycle | null = null;

  constructor(private readonly settings: SettingsStore) {}

  scheme(): SeverityScheme {
    this.cachedScheme ??= this.settings.get(SCHEME_KEY, SeveritySchemeSchema, copyScheme(APP_DEFAULT_SCHEME_ID));
    return this.cachedScheme;
  }

  // Accepts a ready-made scheme's id ({ id }) or a whole edited scheme.
  setScheme(input: unknown): SeverityScheme {
    const onlyId = z.object({ id: z.string() }).strict().safeParse(input);
    if (onlyId.success) {
      if (!READY_MADE_SCHEMES.some((s) => s.id === onlyId.data.id)) {
        throw new RpcFailure('bad_request', `There is no ready-made scheme '${onlyId.data.id}'.`);
      }
      return this.store(copyScheme(onlyId.data.id));
    }
    const check = validateSeverityScheme(input);
    if (!check.ok) {
      throw new RpcFailure('bad_request', `The severity scheme has ${check.errors.length} problem(s): ${check.errors.join('; ')}`,
        check.errors.map((message) => ({ path: 'scheme', message })));
    }
    return this.store(check.scheme);
  }

  level(key: string): SeverityLevel | undefined {
    return findLevel(this.scheme(), key);
  }

  lifecycle(): StatusLifecycle {
    this.cachedLifecycle ??= this.settings.get(LIFECYCLE_KEY, StatusLifecycleSchema, DEFAULT_LIFECYCLE);
    return this.cachedLifecycle;
  }

  // Incidents already in a status the new lifecycle drops keep it until someone moves them.
  setLifecycle(input: unknown): StatusLifecycle {
    const check = validateLifecycle(input);
    if (!check.ok) {
      throw new RpcFailure('bad_request', `The statuses have ${check.errors.length} problem(s): ${check.errors.join('; ')}`,
        check.errors.map((message) => ({ path: 'lifecycle', message })));
    }
    this.settings.set(LIFECYCLE_KEY, check.lifecycle);
    this.cachedLifecycle = check.lifecycle;
    return check.lifecycle;
  }

  contacts(): Contact[] {
    const raw = this.settings.get(CONTACTS_KEY, z.array(z.unknown()), []);
    const check = validateContacts(raw);
    return check.ok ? check.contacts : [];
  }

  setContacts(input: unknown[]): Contact[] {
    const check = validateContacts(input);
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
