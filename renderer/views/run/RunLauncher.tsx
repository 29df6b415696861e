import { useState } from 'react';
import { formatDateTime } from '../../../main/shared/time-format';
import type { ResultOf } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { useQuery } from '../../store/use-query';
import { navigate } from '../../use-hash-route';
import { ExplainedButton } from '../ExplainedButton';
import { QueryStatus } from '../QueryStatus';
import { StatusLine } from '../StatusLine';
import { DryRunPreview } from './DryRunPreview';
import { ParamFields } from './ParamFields';
import { ProcedurePicker } from './ProcedurePicker';
import './run.css';

type Plan = ResultOf<'runs.dryRun'>;

// Pick a procedure and the host(s), fill its parameters, review every exact
// command, then run. For a rollback this is a wizard: parameters, review,
// then the run itself asks for the chosen value and the typed host names.
export function RunLauncher({ incidentId }: { incidentId: number | null }) {
  const api = useApi();
  const proceduresQuery = useQuery('procedures.list');
  const hostsQuery = useQuery('hosts.list');
  const forIncident = incidentId !== null;
  const incident = useQuery('incidents.get', { id: incidentId ?? 0 }, { enabled: forIncident });
  const runsQuery = useQuery('runs.list', { incidentId: incidentId ?? undefined }, { enabled: forIncident, refreshOn: { 'runs.changed': (p) => p.incidentId === incidentId } });
  // Runbook packs name the services their imported procedures are for.
  const packsQuery = useQuery('packs.list');
  const [procedureId, setProcedureId] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [otherHost, setOtherHost] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<Plan | null>(null);
  // A preview was shown and then thrown away by an edit: Run says so, rather than only "preview first".
  const [stale, setStale] = useState<string | null>(null);
  const previewing = useMutation();
  const starting = useMutation();
  const procedures = proceduresQuery.data ?? [];
  const hosts = hostsQuery.data;
  const runs = runsQuery.data ?? [];
  const incidentTitle = incident.data?.incident.title;
  const incidentService = incident.data?.incident.service || null;
  const services = new Set([...(packsQuery.data ?? []).map((p) => p.service), ...(incidentService ? [incidentService] : [])]);

  const procedure = procedures.find((p) => p.id === procedureId);
  const several = procedure?.kind === 'diagnostic';
  const targets = [...new Set([...picked, ...(otherHost.trim() ? [otherHost.trim()] : [])])];
  const params = Object.fromEntries(
    (procedure?.params ?? []).filter((p) => !p.captured && values[p.name]?.trim()).map((p) => [p.name, values[p.name].trim()]),
  );
  const busy = previewing.busy || starting.busy;
  // A plan shown is the plan that runs: any change throws it away, and with it what was said about it.
  const changed = (what: string) => {
    if (plan) setStale(what);
    setPlan(null);
    previewing.clear();
    starting.clear();
  };

  const preview = async () => {
    const outcome = await previewing.run(() => api.call('runs.dryRun', { procedureId, hosts: targets, params }));
    if (outcome.ok) {
      setPlan(outcome.value);
      setStale(null);
    }
  };
  const start = async () => {
    const outcome = await starting.run(() => api.call('runs.start', { procedureId, hosts: targets, params, incidentId: incidentId ?? undefined }));
    if (outcome.ok) navigate({ view: 'run', id: outcome.value.runId });
  };
  const toggleHost = (alias: string, on: boolean) => {
    changed('The host choice');
    setPicked(several ? (on ? [...picked, alias] : picked.filter((h) => h !== alias)) : on ? [alias] : []);
  };

  const previewBlockedBy = !procedure ? 'Choose a procedure first.' : targets.length === 0 ? `Pick ${several ? 'one or more hosts' : 'a host'} first.` : null;
  const runBlockedBy = plan ? null : stale ? `${stale} changed since the preview: preview the commands again.` : 'Preview the commands first.';
  return (
    <article className="run-launcher" aria-labelledby="launcher-title">
      <header className="toolbar">
        {incidentId !== null && (
          <button type="button" onClick={() => navigate({ view: 'incident', id: incidentId })} title="Back to the incident (Esc)">
            ← Incident #{incidentId}
          </button>
        )}
        <h1 id="launcher-title">{incidentId !== null ? `Run diagnostics for #${incidentId}${incidentTitle ? ` ${incidentTitle}` : ''}` : 'Run a procedure'}</h1>
      </header>
      <QueryStatus query={incident} what={`incident #${incidentId}`} quiet />
      {procedure && procedure.kind !== 'diagnostic' && (
        <ol className="wizard-steps" aria-label="Rollback steps">
          <li className={plan ? 'done' : 'current'}>Parameters and host</li>
          <li className={plan ? 'current' : undefined}>Review every command</li>
          <li>Run: choose the value, type the host name at each guarded step, verify health</li>
        </ol>
      )}
      <div className="form-grid">
        <QueryStatus query={proceduresQuery} what="the procedures" quiet />
        <QueryStatus query={packsQuery} what="the services of the runbook packs" quiet />
        <ProcedurePicker
          procedures={procedures}
          services={services}
          firstService={incidentService}
          value={procedureId}
          onChange={(id) => {
            changed('The procedure');
            setProcedureId(id);
            setPicked(picked.slice(0, 1));
            setValues({});
          }}
        />
        <fieldset className="hosts-pick">
          <legend>{several ? 'Hosts' : 'Host'}</legend>
          <QueryStatus query={hostsQuery} what="the hosts" quiet />
          {hosts?.hosts.map((h) => (
            <label key={h.alias} className="choice">
              <input type={several ? 'checkbox' : 'radio'} name="run-host" checked={picked.includes(h.alias)} onChange={(e) => toggleHost(h.alias, e.target.checked)} />
              {h.alias}
              <span className="muted small">
                {' '}
                {h.user}@{h.hostName}:{h.port}
                {h.proxyJump.length > 0 && ` via ${h.proxyJump.join(', ')}`}
              </span>
            </label>
          ))}
          {hosts && hosts.hosts.length === 0 && (
            <p className="muted small">
              No hosts in {hosts.sshConfigPath}. <a href="#/ssh">Add one or pick another ssh config</a>.
            </p>
          )}
          <label>
            Other ssh alias
            <input value={otherHost} placeholder="e.g. web-1 or deploy@10.0.0.5" onChange={(e) => (changed('The host'), setOtherHost(e.target.value))} />
          </label>
        </fieldset>
        {procedure && <ParamFields params={procedure.params} values={values} onChange={(next) => (changed('A parameter'), setValues(next))} />}
      </div>
      <StatusLine message={previewing.message} />
      <div className="form-actions">
        <ExplainedButton disabled={busy} blockedBy={previewBlockedBy} onClick={() => void preview()}>
          Preview commands
        </ExplainedButton>
        <ExplainedButton className="primary" disabled={busy} blockedBy={runBlockedBy} onClick={() => void start()}>
          Run
        </ExplainedButton>
      </div>
      <StatusLine message={starting.message} />
      {plan && <DryRunPreview plan={plan} />}
      <QueryStatus query={runsQuery} what="the earlier runs" quiet />
      {runs.length > 0 && (
        <section className="panel" aria-label="Earlier runs">
          <h2>Earlier runs for this incident</h2>
          <ul className="run-list">
            {runs.map((r) => (
              <li key={r.id}>
                <a href={`#/runs/${r.id}`}>
                  #{r.id} {r.title}
                </a>{' '}
                <span className="muted small">
                  on {r.hosts.join(', ')}, {formatDateTime(r.startedAt)} — {r.status}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
