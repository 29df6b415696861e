import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../main/engine/monitors/domain/condition-parser';
import { ConditionError } from '../../main/engine/monitors/domain/condition-types';

function errorOf(text: string): ConditionError {
  try {
    parseCondition(text);
  } catch (err) {
    if (err instanceof ConditionError) return err;
    throw err;
  }
  throw new Error(`"${text}" parsed but should not have`);
}

describe('parseCondition', () => {
  it('reads every form from the monitoring issue', () => {
    expect(parseCondition('[STATUS] == 200')).toMatchObject({
      subject: { fn: 'value', placeholder: 'STATUS', path: [] },
      operator: '==',
      expected: { kind: 'literal', literal: { text: '200', number: 200 } },
    });
    expect(parseCondition('[STATUS] == any(200, 204)').expected).toMatchObject({ kind: 'any', values: [{ number: 200 }, { number: 204 }] });
    expect(parseCondition('[RESPONSE_TIME] < 2000')).toMatchObject({ operator: '<', expected: { literal: { number: 2000 } } });
    expect(parseCondition('[BODY].status == ok').subject.path).toEqual(['status']);
    expect(parseCondition('[BODY].checks.database == up').subject.path).toEqual(['checks', 'database']);
    expect(parseCondition('len([BODY].errors) == 0').subject).toMatchObject({ fn: 'len', path: ['errors'], text: 'len([BODY].errors)' });
    expect(parseCondition('[BODY] contains "ready"')).toMatchObject({ operator: 'contains', expected: { literal: { text: 'ready' } } });
    expect(parseCondition('[CERTIFICATE_EXPIRATION] > 14d').expected).toMatchObject({ literal: { number: 14 * 86_400_000 } });
  });

  it('reads the other operators, array paths, patterns, [VALUE] and [CONNECTED]', () => {
    for (const op of ['!=', '<=', '>=', '<', '>']) expect(parseCondition(`[VALUE] ${op} 0.05`).operator).toBe(op);
    expect(parseCondition('[BODY].items[0].name == web').subject.path).toEqual(['items', 0, 'name']);
    expect(parseCondition('[BODY][2] == x').subject.path).toEqual([2]);
    const pattern = parseCondition('[BODY].version == pat(1.*)').expected;
    expect(pattern.kind === 'pattern' && pattern.regex.test('1.4.2') && !pattern.regex.test('2.0')).toBe(true);
    expect(parseCondition('[CONNECTED] == true').expected).toMatchObject({ literal: { text: 'true' } });
    expect(parseCondition('[RESPONSE_TIME] <= 2s').expected).toMatchObject({ literal: { number: 2000 } });
    expect(parseCondition('[BODY].message == "all good, really"').expected).toMatchObject({ literal: { text: 'all good, really' } });
    expect(parseCondition('has([BODY].errors) == false').subject.fn).toBe('has');
  });

  it('names the condition and the 1-based column of the problem', () => {
    const wrongOperator = errorOf('[STATUS] = 200');
    expect(wrongOperator.column).toBe(10);
    expect(wrongOperator.condition).toBe('[STATUS] = 200');
    expect(wrongOperator.message).toBe(`condition "[STATUS] = 200": unknown operator '='; use ==, !=, <, <=, >, >= or contains (column 10)`);

    expect(errorOf('[STAUTS] == 200')).toMatchObject({ column: 1 });
    expect(errorOf('[STAUTS] == 200').reason).toContain('unknown placeholder [STAUTS]');
    expect(errorOf('[body].status == ok').reason).toContain('placeholders are upper case: [BODY]');
    expect(errorOf('[STATUS] ==')).toMatchObject({ column: 12, reason: "missing value after '=='" });
    expect(errorOf('[STATUS]').reason).toContain('missing operator after [STATUS]');
    expect(errorOf('[STATUS] == 200 or 204')).toMatchObject({ column: 17 });
    expect(errorOf('[STATUS] == ok').reason).toBe("[STATUS] compares with a number, not 'ok'");
    expect(errorOf('[CERTIFICATE_EXPIRATION] > 2weeks')).toMatchObject({ column: 28 });
    expect(errorOf('len([BODY].errors == 0').reason).toBe("missing ')' to close len(");
    expect(errorOf('[STATUS] < any(200, 204)').reason).toBe('any(...) only works with == or !=');
    expect(errorOf('[BODY] contains "ready').reason).toContain('unterminated string');
    expect(errorOf('[STATUS].code == 1').reason).toContain('only [BODY] can be followed by a path');
    expect(errorOf('200 == [STATUS]').column).toBe(1);
    expect(errorOf('  ').reason).toContain('empty');
  });
});
