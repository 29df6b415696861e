import type { EngineContext } from '../engine-context';
import { DECLARE_PHASES, RESOLVE_PHASE } from '../incidents/domain/checklist-templates';
import type { IncidentsPort } from '../incidents/incidents-port';
import { RpcFailure } from '../rpc/rpc-failure';
import type { RunsPort } from '../runs/runs-port';
import { packChecklists } from './domain/checklist-phases';
import { packContent, schemeFromRunbook } from './domain/pack-content';
import { packCommTemplates, packPostmortemTemplates } from './domain/pack-templates';
import { leftOutSteps, toProcedureDefinition } from './domain/pack-procedures';
import { ImportError, importRunbookAsync } from './importer';
import { PackStore } from './pack-store';

export interface RunbooksDeps {
  incidents: IncidentsPort;
  runs: RunsPort;
}

// Runbook packs: what a team imported from its Markdown runbook, linked to a service. An incident
// for that service works from the pack's checklists (in place of the built-in ones of the same
// phase), and its note names the pack's diagnostics.
export function runbooksArea(ctx: EngineContext, { incidents, runs }: RunbooksDeps): void {
  const packs = new PackStore(ctx.db);

  // On a worker thread, so a slow or hostile runbook never holds up monitors, timers or other calls.
  const extract = async (text: string, fileName?: string) => {
    try {
      return await importRunbookAsync(text, { fileName });
    } catch (err) {
      if (err instanceof ImportError) throw new RpcFailure('bad_request', err.message);
      throw err;
    }
  };

  ctx.registry.handle('packs.preview', (p) => extract(p.text, p.fileName));
  ctx.registry.handle('packs.save', async (p) => {
    const x = await extract(p.text, p.fileName);
    const saved = packs.upsert(
      { name: p.name, service: p.service, fileName: p.fileName ?? null, content: packContent(x, p.keep, p.hostMap) },
      ctx.actor,
      ctx.now(),
    );
    const procedureIssues: string[] = [];
    for (const procedure of saved.pack.content.procedures) {
      if (procedure.steps.length === 0) continue;
      const options = { sqlClient: p.sqlClient };
      for (const reason of leftOutSteps(procedure, options)) procedureIssues.push(`${procedure.title}: ${reason}`);
      try {
        runs.saveProcedure(JSON.stringify(toProcedureDefinition(p.service, procedure, options)));
      } catch (err) {
        if (!(err instanceof RpcFailure)) throw err;
        procedureIssues.push(`${procedure.title}: ${err.message}`);
      }
    }
    if (p.useSeverities) {
      const scheme = schemeFromRunbook(x, `imported-${p.service}`);
      if (!scheme) throw new RpcFailure('bad_request', 'The runbook has no severity levels to use as the scheme.');
      try {
        incidents.setScheme(scheme);
      } catch (err) {
        if (!(err instanceof RpcFailure)) throw err;
        throw new RpcFailure('bad_request', `The pack was saved, but its severities cannot be the scheme: ${err.message}`);
      }
    }
    return { ...saved, procedureIssues };
  });
  ctx.registry.handle('packs.list', (p) => packs.list(p.service));
  ctx.registry.handle('packs.delete', (p) => ({ deleted: packs.delete(p.id) }));

  incidents.provideChecklists((incident) =>
    incident.service ? packs.list(incident.service).flatMap((pack) => packChecklists(pack.content.checklists, incident.severity)) : [],
  );
  incidents.provideTemplates((incident) =>
    incident.service ? packs.list(incident.service).flatMap((pack) => [...packCommTemplates(pack), ...packPostmortemTemplates(pack)]) : [],
  );
  incidents.onDeclared((incident) => {
    if (!incident.service) return;
    for (const pack of packs.list(incident.service)) {
      const lists = packChecklists(pack.content.checklists, incident.severity);
      const now = lists.filter((l) => DECLARE_PHASES.includes(l.phase)).length;
      const resolved = lists.filter((l) => l.phase === RESOLVE_PHASE).length;
      const onRequest = lists.length - now - resolved;
      const when = [`${now || 'none'} now`, resolved ? `${resolved} when resolved` : '', onRequest ? `${onRequest} on request` : ''];
      const diagnostics = pack.content.procedures.filter((pr) => pr.kind === 'diagnostic').map((pr) => pr.title);
      const text = [
        `Runbook pack "${pack.name}" for ${incident.service}, checklists: ${when.filter(Boolean).join(', ')}`,
        diagnostics.length ? `Diagnostics offered: ${diagnostics.join('; ')}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      incidents.addNote(incident.id, text);
    }
  });
}
