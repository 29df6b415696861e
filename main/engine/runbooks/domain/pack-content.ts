import type { PackContent, SeverityScheme } from '../../../../preload/contract';
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
    })),
  };
}
