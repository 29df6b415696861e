import type { ProcedureInfo } from '../../../preload/contract';

export type ProcedureKind = ProcedureInfo['kind'];

export const KIND_ORDER: ProcedureKind[] = ['diagnostic', 'rollback', 'resolution'];

export interface ProcedureGroup {
  // The service the procedures are for; null for those that fit any service.
  service: string | null;
  kinds: { kind: ProcedureKind; procedures: ProcedureInfo[] }[];
}

// A procedure imported from a service's runbook is tagged with that service; nothing else names one.
export function serviceOf(procedure: ProcedureInfo, services: ReadonlySet<string>): string | null {
  return procedure.tags.find((t) => services.has(t)) ?? null;
}

// Every word typed must appear somewhere in what a person knows the procedure by.
export function matches(procedure: ProcedureInfo, service: string | null, query: string): boolean {
  const haystack = [procedure.title, procedure.id, procedure.kind, procedure.description, service ?? '', ...procedure.tags].join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The procedures that match `query`, by service (the incident's own first, then by name, then those for any
 * service) and within each by kind, diagnostics first. Empty groups and kinds are left out.
 */
export function groupProcedures(procedures: ProcedureInfo[], services: ReadonlySet<string>, query: string, firstService: string | null): ProcedureGroup[] {
  const byService = new Map<string | null, ProcedureInfo[]>();
  for (const p of procedures) {
    const service = serviceOf(p, services);
    if (!matches(p, service, query)) continue;
    byService.set(service, [...(byService.get(service) ?? []), p]);
  }
  const rank = (s: string | null) => (s === null ? 2 : s === firstService ? 0 : 1);
  return [...byService]
    .sort(([a], [b]) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''))
    .map(([service, list]) => ({
      service,
      kinds: KIND_ORDER.map((kind) => ({ kind, procedures: list.filter((p) => p.kind === kind).sort((a, b) => a.title.localeCompare(b.title)) })).filter(
        (k) => k.procedures.length > 0,
      ),
    }));
}
