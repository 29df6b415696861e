import fs from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigIssue, PositionFinder } from '../lib/config/config-errors';
import { parseSources, type SourceDefinition } from './domain/source-config';

// Reads only the `sources:` list of the monitors file: the alerts area need not validate a
// thousand monitors again, the monitors area does that.
export function loadSources(file: string): SourceDefinition[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([{ file, line: 1, column: 1, message: `cannot read the config file: ${(err as Error).message}` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => ({ file, ...toPos(lines.linePos(e.pos[0])), message: `YAML syntax error: ${e.message.split('\n')[0]}` })));
  }
  const raw = (doc.toJS({ maxAliasCount: 100 }) as { sources?: unknown } | null)?.sources;
  if (raw === undefined || raw === null) return [];
  const at = new PositionFinder(file, doc, lines, text);
  const issues: ConfigIssue[] = [];
  if (!Array.isArray(raw)) {
    issues.push({ file, ...at.at(['sources']), message: 'sources: must be a list' });
    throw new ConfigError(issues);
  }
  const sources = parseSources(raw, at, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  return sources;
}

function toPos(pos: { line: number; col: number }): { line: number; column: number } {
  return { line: pos.line, column: pos.col };
}
