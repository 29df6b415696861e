import type { EngineArea } from '../engine-context';
import { ImportError, importRunbook } from './importer';
import { ChecklistStore } from '../incidents/checklist-store';
import { RpcFailure } from '../rpc/rpc-failure';
import { packContent, schemeFromRunbook } from './domain/pack-content';
import { toProcedureDefinition } from './domain/pack-procedures';
import { PackStore } from './pack-store';

// Runbook packs: what a team imported from its Markdown runbook, linked to a service. Declaring an
// incident for that service attaches the pack's checklists and names its diagnostics.
export const packsArea: EngineArea = (ctx) => {
  const packs = new PackStore(ctx.db);
  const checklists = new ChecklistStore(ctx.db);

  const extract = (text: string, fileName?: string) => {
    try {
      return importRunbook(text, { fileName });
    } catch (err) {
      if (err instanceof ImportError) throw new RpcFailure('bad_request', err.message);
      throw err;
    }
  };

  ctx.registry.handle('packs.preview', (p) => extract(p.text, p.fileName));
  ctx.registry.handle('packs.save', async (p) => {
    const x = extract(p.text, p.fileName);
    const saved = packs.upsert(
      { name: p.name, service: p.service, fileName: p.fileName ?? null, content: packContent(x, p.keep, p.hostMap) },
      ctx.actor,
      ctx.now(),
    );
    const procedureIssues: string[] = [];
    for (const procedure of saved.pack.content.procedures) {
      if (procedure.steps.length === 0) continue;
      const text = JSON.stringify(toProcedureDefinition(p.service, procedure));
      const reply = await ctx.registry.dispatch({ id: 'pack-procedure', method: 'procedures.save', params: { text } });
      if ('error' in reply && reply.error.code !== 'unknown_method') procedureIssues.push(`${procedure.title}: ${reply.error.message}`);
    }
    if (p.useSeverities) {
      const scheme = schemeFromRunbook(x, `imported-${p.service}`);
      if (!scheme) throw new RpcFailure('bad_request', 'The runbook has no severity levels to use as the scheme.');
      const reply = await ctx.registry.dispatch({ id: 'pack-scheme', method: 'schemes.setActive', params: { scheme } });
      if ('error' in reply) throw new RpcFailure('bad_request', `The pack was saved, but its severities cannot be the scheme: ${reply.error.message}`);
    }
    return { ...saved, procedureIssues };
  });
  ctx.registry.handle('packs.list', (p) => packs.list(p.service));
  ctx.registry.handle('packs.delete', (p) => ({ deleted: packs.delete(p.id) }));

  ctx.onIncidentDeclared((incident) => {
    if (!incident.service) return;
    for (const pack of packs.list(incident.service)) {
      const lists = pack.content.checklists.filter((c) => c.severities.length === 0 || c.severities.includes(incident.severity));
      checklists.attach(incident.id, lists.map((c) => ({ title: c.title, phase: 'runbook', items: c.items })));
      const diagnostics = pack.content.procedures.filter((pr) => pr.kind === 'diagnostic').map((pr) => pr.title);
      const text = [
        `Runbook pack "${pack.name}" for ${incident.service}: ${lists.length} checklist(s) attached`,
        diagnostics.length ? `Diagnostics offered: ${diagnostics.join('; ')}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      void ctx.registry.dispatch({ id: 'pack-note', method: 'incidents.addNote', params: { id: incident.id, text } });
    }
  });
};
