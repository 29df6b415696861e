import { describe, expect, it } from 'vitest';
import type { ProcedureInfo } from '../../preload/contract';
import { groupProcedures } from '../../renderer/views/run/procedure-groups';

const procedure = (id: string, title: string, kind: ProcedureInfo['kind'], tags: string[] = [], description = ''): ProcedureInfo => ({
  id,
  title,
  kind,
  description,
  tags,
  params: [],
  steps: [{ kind: 'command', title: 'one' }],
  source: tags.length ? 'team' : 'built-in',
  text: null,
});

const ALL = [
  procedure('disk-full', 'Disk full', 'diagnostic', ['disk']),
  procedure('quick-rollback', 'Quick rollback', 'rollback'),
  procedure('pack-checkout-restart', 'Restart (checkout runbook)', 'resolution', ['checkout']),
  procedure('pack-checkout-logs', 'Logs (checkout runbook)', 'diagnostic', ['checkout']),
  procedure('pack-billing-logs', 'Logs (billing runbook)', 'diagnostic', ['billing'], 'Tail the invoice worker'),
];
const SERVICES = new Set(['checkout', 'billing']);
const shape = (groups: ReturnType<typeof groupProcedures>) => groups.map((g) => [g.service, g.kinds.map((k) => [k.kind, k.procedures.map((p) => p.id)])]);

describe('the procedure launcher', () => {
  it('groups by service, the incident’s first, then by kind', () => {
    expect(shape(groupProcedures(ALL, SERVICES, '', 'checkout'))).toEqual([
      ['checkout', [['diagnostic', ['pack-checkout-logs']], ['resolution', ['pack-checkout-restart']]]],
      ['billing', [['diagnostic', ['pack-billing-logs']]]],
      [null, [['diagnostic', ['disk-full']], ['rollback', ['quick-rollback']]]],
    ]);
  });

  it('filters on every word typed, in title, description, kind, tags and service', () => {
    expect(shape(groupProcedures(ALL, SERVICES, 'logs', null))).toEqual([
      ['billing', [['diagnostic', ['pack-billing-logs']]]],
      ['checkout', [['diagnostic', ['pack-checkout-logs']]]],
    ]);
    expect(shape(groupProcedures(ALL, SERVICES, 'invoice', null))).toEqual([['billing', [['diagnostic', ['pack-billing-logs']]]]]);
    expect(shape(groupProcedures(ALL, SERVICES, 'ROLLBACK', null))).toEqual([[null, [['rollback', ['quick-rollback']]]]]);
    expect(shape(groupProcedures(ALL, SERVICES, 'checkout resolution', null))).toEqual([['checkout', [['resolution', ['pack-checkout-restart']]]]]);
    expect(groupProcedures(ALL, SERVICES, 'nothing like this', null)).toEqual([]);
  });
});
