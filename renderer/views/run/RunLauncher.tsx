import { useEffect, useState } from 'react';
import type { HostsOverview, ProcedureInfo, ResultOf, RunSummary } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { formatClock } from '../../format';
import { navigate } from '../../use-hash-route';
import { DryRunPreview } from './DryRunPreview';
import { ParamFields } from './ParamFields';
import './run.css';

type Plan = ResultOf<'runs.dryRun'>;

// Pick a procedure and the host(s), fill its parameters, review every exact
// command, then run. For a rollback this is a wizard: parameters, review,
// then the run itself asks for the chosen value and the typed host names.
export function RunLauncher({ incidentId }: { incidentId: number | null }) {
  const api = useApi();
  const [procedures, setProcedures] = useState<ProcedureInfo[]>([]);
  const [hosts, setHosts] = useState<HostsOverview | null>(null);
  const [incidentTitle, setIncidentTitle] = useState<string | null>(null);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [procedureId, setProcedureId] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [otherHost, setOtherHost] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('procedures.list').then(setProcedures, (err: Error) => setError(err.message));
    void api.call('hosts.list').then(setHosts, (err: Error) => setError(err.message));
    if (incidentId !== null) {
      void api.call('incidents.get', { id: incidentId }).then((d) => setIncidentTitle(d.incident.title), () => {});
      void api.call('runs.list', { incidentId }).then(setRuns, () => {});
    }
  }, [api, incidentId]);

  const procedure = procedures.find((p) => p.id === procedureId);
  const several = procedure?.kind === 'diagnostic';
  const targets = [...new Set([...picked, ...(otherHost.trim() ? [otherHost.trim()] : [])])];
  const params = Object.fromEntries(
    (procedure?.params ?? []).filter((p) => !p.captured && values[p.name]?.trim()).map((p) => [p.name, values[p.name].trim()]),
  );
  const changed = () => {
    setPlan(null);
    setError(null);
  };

  const preview = async () => {
    setBusy(true);
    try {
      setPlan(await api.call('runs.dryRun', { procedureId, hosts: targets, params }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setBusy(true);
    try {
      const { runId } = await api.call('runs.start', { procedureId, hosts: targets, params, incidentId: incidentId ?? undefined });
      navigate({ view: 'run', id: runId });
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const toggleHost = (alias: string, on: boolean) => {
    changed();
    setPicked(several ? (on ? [...picked, alias] : picked.filter((h) => h !== alias)) : on ? [alias] : []);
  };

  const diagnostics = procedures.filter((p) => p.kind === 'diagnostic');
  const guarded = procedures.filter((p) => p.kind !== 'diagnostic');
  return (
    <article className="run-launcher" aria-labelledby="launcher-title">
      <header className="toolbar">
        {incidentId !== null && (
          <button type="button" onClick={() => navigate({ view: 'incident', id: incidentId })}>
            ← Incident #{incidentId}
          </button>
        )}
        <h1 id="launcher-title">{incidentId !== null ? `Run diagnostics for #${incidentId}${incidentTitle ? ` ${incidentTitle}` : ''}` : 'Run a procedure'}</h1>
      </header>
      {procedure && procedure.kind !== 'diagnostic' && (
        <ol className="wizard-steps" aria-label="Rollback steps">
          <li className={plan ? 'done' : 'current'}>Parameters and host</li>
          <li className={plan ? 'current' : undefined}>Review every command</li>
          <li>Run: choose the value, type the host name at each guarded step, verify health</li>
        </ol>
      )}
      <div className="form-grid">
        <label>
          Procedure
          <select
            value={procedureId}
            onChange={(e) => {
              changed();
              setProcedureId(e.target.value);
              setPicked(picked.slice(0, 1));
              setValues({});
            }}
          >
            <option value="">Choose…</option>
            <optgroup label="Diagnostics (read-only, several hosts at once)">
              {diagnostics.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Rollback and resolution (step by step)">
              {guarded.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {procedure?.description && <p className="muted">{procedure.description}</p>}
        <fieldset className="hosts-pick">
          <legend>{several ? 'Hosts' : 'Host'}</legend>
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
            <input value={otherHost} placeholder="e.g. web-1 or deploy@10.0.0.5" onChange={(e) => (changed(), setOtherHost(e.target.value))} />
          </label>
        </fieldset>
        {procedure && <ParamFields params={procedure.params} values={values} onChange={(next) => (changed(), setValues(next))} />}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" disabled={busy || !procedure || targets.length === 0} onClick={() => void preview()}>
          Preview commands
        </button>
        <button type="button" className="primary" disabled={busy || !plan} onClick={() => void start()} title={plan ? undefined : 'Preview the commands first'}>
          Run
        </button>
      </div>
      {plan && <DryRunPreview plan={plan} />}
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
                  on {r.hosts.join(', ')}, {formatClock(r.startedAt)} — {r.status}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
