import path from 'node:path';
import {
  formatExtraction,
  ImportError,
  importRunbookAsync,
  readRunbookFile,
  type RunbookExtraction,
} from '../../engine/runbooks/importer';
import { terminalJson, terminalText } from '../terminal-text';
import type { CliCommand, CliIo } from '../cli-types';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';

const usage = 'trayage import FILE.md [--json] [--save --service NAME [--map-host RUNBOOKHOST=ALIAS]... [--data-dir DIR]]';
/** The longest pack name the engine accepts. */
const MAX_NAME = 120;
/** The CLI has nothing else to keep responsive, so a slow machine gets more time than the engine's 30 s. */
const CLI_DEADLINE_MS = 60_000;

function hostMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const from = at > 0 ? pair.slice(0, at).trim() : '';
    const to = at > 0 ? pair.slice(at + 1).trim() : '';
    if (!from || !to) throw new UsageError(`--map-host takes RUNBOOKHOST=ALIAS (e.g. root@web.example.com=web-1), not '${pair}'.`, usage);
    map[from] = to;
  }
  return map;
}

/** Hosts the runbook logs into that no --map-host names: their steps would run nowhere Trayage knows. */
function unmappedHosts(x: RunbookExtraction, map: Readonly<Record<string, string>>): string[] {
  const hosts = new Set(x.procedures.flatMap((p) => [p.host, ...p.steps.map((s) => s.host)]).filter((h): h is string => h !== null));
  return [...hosts].filter((h) => !(h in map));
}

async function save(text: string, fileName: string, x: RunbookExtraction, values: { service: string; map: Record<string, string>; dataDir?: string; json?: boolean }, io: CliIo): Promise<number> {
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);
  const saved = await withEngine(values.dataDir, (engine) =>
    call(engine, 'packs.save', {
      text,
      fileName,
      name: x.title.slice(0, MAX_NAME),
      service: values.service,
      keep: { checklists: all(x.checklists.length), procedures: all(x.procedures.length), templates: all(x.templates.length) },
      hostMap: values.map,
    }),
  );
  if (values.json) {
    io.out(terminalJson(saved));
    return 0;
  }
  const { pack } = saved;
  const lines = [
    `${saved.created ? 'Saved' : 'Updated'} pack "${pack.name}" for ${pack.service}: ${pack.content.checklists.length} checklists, ${pack.content.procedures.length} procedures, ${pack.content.templates.length} templates.`,
    ...saved.procedureIssues.map((issue) => `  not a team procedure: ${issue}`),
    ...unmappedHosts(x, values.map).map((host) => `  ${host} is mapped to no host alias; add --map-host ${host}=ALIAS`),
    'Its procedures are listed by "trayage procedures".',
  ];
  io.out(terminalText(lines.join('\n')));
  return 0;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Show what a Markdown runbook turns into (severities, checklists, procedures, templates, monitors), or save it as a pack',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        json: { type: 'boolean' },
        save: { type: 'boolean' },
        service: { type: 'string' },
        'map-host': { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
      },
      usage,
      1,
    );
    const file = positionals[0];
    if (!file) throw new UsageError('FILE.md is required.', usage);
    if (values.save && !values.service?.trim()) throw new UsageError('--save needs --service NAME: the service the pack is for.', usage);
    if (!values.save && (values.service !== undefined || values['map-host'] !== undefined || values['data-dir'] !== undefined)) {
      throw new UsageError('--service, --map-host and --data-dir go with --save.', usage);
    }
    const map = hostMap(values['map-host'] ?? []);
    const fileName = path.basename(file);
    let text: string;
    let extraction: RunbookExtraction;
    try {
      text = readRunbookFile(file);
      extraction = await importRunbookAsync(text, { fileName, deadlineMs: CLI_DEADLINE_MS });
    } catch (err) {
      if (err instanceof ImportError) {
        io.err(terminalText(err.message));
        return 2;
      }
      throw err;
    }
    if (values.save) return save(text, fileName, extraction, { service: values.service as string, map, dataDir: values['data-dir'], json: values.json }, io);
    io.out(values.json ? terminalJson(extraction) : formatExtraction(extraction));
    return 0;
  },
};
