import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseBoundedYaml } from '../../main/engine/lib/config/bounded-yaml';
import { ConfigError } from '../../main/engine/lib/config/config-errors';
import { readPlainYaml } from '../../main/engine/lib/config/plain-yaml';

const LIMITS = { maxRepeated: 5 * 1024 * 1024, maxDepth: 64 };

// What the `yaml` package makes of the text, aliases expanded: the fast reader must agree exactly.
const slowValue = (text: string) => parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: -1 }) as unknown;

const AGREEING = {
  'a monitors file': `monitors:
  - name: api
    url: https://example.test/health
    interval: 30s
    conditions:
      - "[STATUS] == 200"
      - '[BODY].ok == true'
    headers: {X-Env: prod, Accept: "application/json"}
  - {name: db, url: "tcp://127.0.0.1:5432", paused: true, failure-threshold: 3}
`,
  'scalars of the core schema': `v: [1, +1, -1, 0o17, 0x1F, 0b101, 1_000, 1.5, .5, 5., 1e3, 1E-3, true, True, TRUE, tRue, yes, no, on, null, Null, ~, 2024-01-01, 12:30, 012, '7', "8", -0, 0., +12e03, 12345678901234567890]`,
  'special floats': 'a: .inf\nb: -.Inf\n',
  'block and quoted strings': 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n\n  para\nc: "tab\\tand \\u00e9 \\x41"\nd: \'it\'\'s\'\ne: plain\n  continued\n',
  'anchors and aliases': 'base: &h {X-Env: prod}\nlist:\n  - headers: *h\n  - headers: *h\nurl: &u tcp://127.0.0.1:9\nagain: *u\nredefined: &u other\nlatest: *u\n',
  'an empty value and an empty list': 'a:\nb: []\nc: {}\n',
  'a document start marker': '---\na: 1\n',
  'keys that are numbers': '1: one\n2.5: two\n',
  'unicode text': 'name: "Zürich – 東京 🚀"\n',
};

describe('reading YAML without building a document', () => {
  for (const [what, text] of Object.entries(AGREEING)) {
    it(`reads ${what} exactly as the yaml package does`, () => {
      const plain = readPlainYaml(text, LIMITS);
      expect(plain).toBeDefined();
      expect(plain!.value).toEqual(slowValue(text));
    });
  }

  it('reads an empty file and a file of comments as null, as the yaml package does', () => {
    expect(readPlainYaml('', LIMITS)).toEqual({ value: null });
    expect(readPlainYaml('# nothing yet\n', LIMITS)).toEqual({ value: null });
  });

  const DECLINED = {
    'a syntax error': 'a: [1, 2\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'an explicit tag': 'a: !!float 1\n',
    'a directive': '%YAML 1.1\n---\na: yes\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'an alias without its anchor': 'a: *nowhere\n',
    'an alias inside the value it repeats': 'a: &x [1, *x]\n',
    'an alias bomb': ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n'),
    'nesting deeper than the limit': `${'['.repeat(70)}${']'.repeat(70)}\n`,
    'aliases that nest deeper than the limit': `a: &a ${'['.repeat(40)}1${']'.repeat(40)}\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n`,
  };
  for (const [what, text] of Object.entries(DECLINED)) {
    it(`leaves ${what} to the reader that knows positions`, () => {
      expect(readPlainYaml(text, LIMITS)).toBeUndefined();
    });
  }

  it('still reports an alias bomb and a duplicate key with file:line:column', () => {
    const bomb = DECLINED['an alias bomb'];
    const error = (() => {
      try {
        parseBoundedYaml(bomb, 'bomb.yaml');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]).toMatchObject({ file: 'bomb.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect((error as ConfigError).issues[0].message).toMatch(/alias bomb/);
    expect(() => parseBoundedYaml('x: 1\nx: 2\n', 'dup.yaml')).toThrow(/appears twice/);
  });

  it('reads 40,000 monitors sharing one anchored URL itself, well within the bound on repeated values', () => {
    const file = (count: number) => ['monitors:', ...Array.from({ length: count }, (_, i) => `- {name: m${i}, url: ${i === 0 ? '&u tcp://127.0.0.1:9' : '*u'}, paused: true}`)].join('\n');
    const value = readPlainYaml(file(40_000), LIMITS)?.value as { monitors: { url: string }[] };
    expect(value.monitors).toHaveLength(40_000);
    expect(value.monitors[39_999].url).toBe('tcp://127.0.0.1:9');
  });
});
