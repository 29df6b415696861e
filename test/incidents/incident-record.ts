import type { IncidentsPort } from '../../main/engine/incidents/incidents-port';
import { AUTOMATIC_NOTE } from '../../main/engine/incidents/domain/incident-notes';
import { planChange, type IncidentChange } from '../../main/engine/incidents/domain/plan-change';
import type { WorkflowIncident } from '../../main/engine/incidents/domain/incident-types';
import type { StepRecord } from '../../main/engine/runs/domain/run-types';
import { RunTimeline, type RunFacts } from '../../main/engine/runs/run-timeline';
import { FakeTimeline, MIN, T0, makeIncident } from './fixtures';

/**
 * An incident worked the way the app records it: changes planned by planChange, runs written by
 * the runs area's own RunTimeline, evidence notes marked as other areas' notes are.
 */
export class IncidentRecord {
  readonly timeline = new FakeTimeline();
  incident: WorkflowIncident = makeIncident();
  private readonly runs = new RunTimeline({
    record: (_id: number, kind: string, text: string, data: Record<string, unknown>) => this.add(kind, text, data, 'ana'),
  } as unknown as IncidentsPort);
  private clock = T0;

  get entries() {
    return this.timeline.entries;
  }

  at(minutes: number): this {
    this.clock = T0 + minutes * MIN;
    return this;
  }

  note(text: string, actor = 'dana'): this {
    return this.add('note', text, undefined, actor);
  }

  evidence(text: string): this {
    return this.add('note', text, AUTOMATIC_NOTE, 'ana');
  }

  change(change: IncidentChange, actor = 'dana'): this {
    const plan = planChange(this.incident, change, actor, this.clock);
    if (!plan.ok) throw new Error(plan.error);
    this.incident = { ...this.incident, ...plan.updates };
    this.timeline.add(this.incident.id, plan.entries);
    return this;
  }

  run(id: number, kind: string, title: string, status: 'ok' | 'failed'): this {
    const facts: RunFacts = { id, title, kind, hosts: ['web-1'], stepCount: 1 };
    this.runs.started(this.incident.id, facts);
    const step: StepRecord = {
      index: 0,
      title: 'Deploy the previous tag',
      kind: 'command',
      runHost: 'web-1',
      host: null,
      command: 'deploy v1.4.1',
      status,
      exitCode: status === 'ok' ? 0 : 1,
      signal: null,
      stdout: '',
      stderr: '',
      truncated: false,
      startedAt: this.clock,
      durationMs: 1200,
      destructive: false,
    };
    this.runs.step(this.incident.id, facts, step);
    this.runs.finished(this.incident.id, facts, status, status === 'ok' ? 1 : 0, 1, status === 'ok' ? null : 'exit 1');
    return this;
  }

  private add(kind: string, text: string, data: Record<string, unknown> | undefined, actor: string): this {
    this.timeline.add(this.incident.id, [{ at: this.clock, kind, actor, text, ...(data ? { data } : {}) }]);
    return this;
  }
}
