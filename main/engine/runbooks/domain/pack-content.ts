import type { EscalationStep, PackContent, SeverityLevel, SeverityScheme } from '../../../../preload/contract';
import type { RunbookExtraction, RunbookSeverity } from '../importer';

export interface Keep {
  checklists: number[];
  procedures: number[];
  templates: number[];
}

const pick = <T>(items: readonly T[], indexes: number[]): T[] => [...new Set(indexes)].filter((i) => i < items.length).sort((a, b) => a - b).map((i) => items[i]);

// What the person kept from the extraction, with the runbook's hosts replaced by Trayage's host aliases.
export function packContent(x: RunbookExtraction, keep: Keep, hostMap: Record<string, string>): PackContent {
  const mapHost = (host: string | null) => (host !== null && hostMap[host] ? hostMap[host] : host);
  return {
    checklists: pick(x.checklists, keep.checklists),
    procedures: pick(x.procedures, keep.procedures).map((p) => ({
      ...p,
      host: mapHost(p.host),
      steps: p.steps.map((s) => ({ ...s, host: mapHost(s.host) })),
    })),
    templates: pick(x.templates, keep.templates),
    thresholds: x.thresholds,
  };
}

const MAX_MINUTES = 43_200;
const minutes = (m: number | null) => (m === null ? null : Math.min(Math.max(0, Math.round(m)), MAX_MINUTES));

/**
 * A level's escalation chain from the runbook's matrix: rows for the level (or for every level)
 * that each give a time ("Team lead (30 minutes)", "CTO (2 hours)") become steps, in the order they
 * fire, to the last person of each row. One row alone is the level's escalateTo/escalateAfterMinutes.
 */
function escalationChain(x: RunbookExtraction, level: RunbookSeverity): EscalationStep[] | undefined {
  const own = x.escalation.filter((r) => r.severity !== null && r.severity.toLowerCase() === level.name.toLowerCase());
  const rows = (own.length > 0 ? own : x.escalation.filter((r) => r.severity === null)).filter((r) => r.afterMinutes !== null && r.path.length > 0);
  if (rows.length < 2) return undefined;
  return rows
    .map((r) => ({ afterMinutes: minutes(r.afterMinutes) as number, to: r.path[r.path.length - 1].trim().slice(0, 120) }))
    .filter((step) => step.to !== '')
    .sort((a, b) => a.afterMinutes - b.afterMinutes)
    .slice(0, 20);
}

/** "Next business day" and "during business hours" levels count their response time by the team's business hours. */
function responseClock(level: RunbookSeverity): SeverityLevel['responseClock'] {
  if (/(?:next|1|one)\s+(?:business|working)\s+day|nächste[nr]?\s+werktag|siguiente\s+día\s+hábil|prochain\s+jour\s+ouvr/i.test(level.responseText)) return 'next-business-day';
  if (level.responseMinutes !== null && /business\s+hours|working\s+hours/i.test(level.responseText)) return 'business';
  return undefined;
}

// The runbook's severity table as a scheme the team can pick.
export function schemeFromRunbook(x: RunbookExtraction, id: string): SeverityScheme | null {
  if (x.severities.length === 0) return null;
  return {
    id,
    name: `${x.title} (imported)`,
    source: x.fileName ?? x.title,
    levels: x.severities.map((s: RunbookSeverity) => ({
      key: s.name,
      name: s.label || s.name,
      definition: s.definition,
      examples: s.examples.filter((e) => e.trim()),
      responseMinutes: minutes(s.responseMinutes),
      updateCadenceMinutes: s.updateCadenceMinutes === 0 ? null : minutes(s.updateCadenceMinutes ?? x.updateCadenceMinutes),
      escalateAfterMinutes: minutes(s.escalateAfterMinutes),
      escalateTo: s.escalateTo.filter((e) => e.trim()),
      postFixWatchMinutes: minutes(s.postFixWatchMinutes),
      ...(escalationChain(x, s) ? { escalation: escalationChain(x, s) } : {}),
      ...(responseClock(s) ? { responseClock: responseClock(s) } : {}),
    })),
  };
}
