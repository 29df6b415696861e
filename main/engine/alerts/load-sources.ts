import { parseBoundedYaml } from '../lib/config/bounded-yaml';
import { asConfigError, ConfigError, type ConfigIssue, PositionFinder } from '../lib/config/config-errors';
import { readConfigText } from '../lib/config/config-text';
import { parseSources, type SourceDefinition } from './domain/source-config';

// Reads only the `sources:` list of the monitors file: the alerts area need not validate a
// thousand monitors again, the monitors area does that. The file is read and parsed within the
// same limits, and any failure is a ConfigError, so the sources of the last good file keep polling.
export function loadSources(file: string): SourceDefinition[] {
  const text = readConfigText(file);
  try {
    return sourcesOf(text, file);
  } catch (err) {
    throw asConfigError(err, file);
  }
}

function sourcesOf(text: string, file: string): SourceDefinition[] {
  const value = parseBoundedYaml(text, file);
  const raw = value !== null && typeof value === 'object' ? (value as { sources?: unknown }).sources : undefined;
  if (raw === undefined || raw === null) return [];
  const at = new PositionFinder(file, text);
  const issues: ConfigIssue[] = [];
  if (!Array.isArray(raw)) {
    issues.push({ file, ...at.at(['sources']), message: 'sources: must be a list' });
    throw new ConfigError(issues);
  }
  const sources = parseSources(raw, at, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  return sources;
}
