import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../main/engine/lib/config/config-errors';
import { loadMonitorConfig } from '../../main/engine/monitors/config-loader';
import type { HttpSettings } from '../../main/engine/monitors/checks/http-check';
import { removeDir, tempDir } from '../helpers/temp-dir';

// Mistakes people make in a monitors file, each written to a real file and loaded from disk.
let dir: string;
beforeAll(() => {
  dir = tempDir('trayage-mistakes-');
});
afterAll(() => removeDir(dir));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The lines people see for a file that must not load, with the directory left out. */
function problems(name: string, text: string): string[] {
  try {
    loadMonitorConfig(write(name, text));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.issues.map((issue) => formatIssue(issue).replace(`${dir}${path.sep}`, ''));
  }
  throw new Error('the file loaded');
}

describe('header values YAML would alter', () => {
  it('refuses unquoted numbers and booleans, quoting them as written', () => {
    const lines = problems(
      'headers.yaml',
      `monitors:
  - name: api
    url: http://127.0.0.1:1/ok
    headers: { X-Probe: 1.10, X-Hex: 0x10 }
  - name: flag
    url: http://127.0.0.1:1/ok
    headers:
      X-Debug: true
`,
    );
    expect(lines).toEqual([
      `headers.yaml:4:16: monitor 'api': headers.X-Probe: quote the value ("1.10"): unquoted, YAML reads it as a number`,
      `headers.yaml:4:31: monitor 'api': headers.X-Hex: quote the value ("0x10"): unquoted, YAML reads it as a number`,
      `headers.yaml:8:7: monitor 'flag': headers.X-Debug: quote the value ("true"): unquoted, YAML reads it as true or false`,
    ]);
  });

  it('says an empty value must be text', () => {
    expect(problems('empty-header.yaml', 'monitors:\n  - name: api\n    url: http://127.0.0.1:1/ok\n    headers:\n      X-Probe:\n')).toEqual([
      "empty-header.yaml:5:7: monitor 'api': headers.X-Probe must be text, not empty",
    ]);
  });

  it('sends quoted values exactly as written', () => {
    const file = write('quoted.yaml', `monitors:\n  - name: api\n    url: http://127.0.0.1:1/ok\n    headers: { X-Probe: "1.10", X-Hex: '0x10', X-Empty: "" }\n`);
    const settings = loadMonitorConfig(file).monitors[0].settings as HttpSettings;
    expect(settings.headers).toMatchObject({ 'x-probe': '1.10', 'x-hex': '0x10', 'x-empty': '' });
  });

  it('gives the same advice for any text field, such as a name', () => {
    expect(problems('number-name.yaml', 'monitors:\n  - name: 1.10\n    url: http://127.0.0.1:1/ok\n')).toEqual([
      'number-name.yaml:2:5: name: quote the value ("1.10"): unquoted, YAML reads it as a number',
    ]);
  });
});

describe('conditions the monitor can never satisfy', () => {
  it('refuses [STATUS] on a tcp monitor, naming what tcp offers', () => {
    expect(problems('tcp-status.yaml', 'monitors:\n  - name: db\n    url: tcp://127.0.0.1:5432\n    conditions: ["[STATUS] == 200"]\n')).toEqual([
      `tcp-status.yaml:4:19: monitor 'db': condition "[STATUS] == 200" can never pass: a tcp monitor does not report [STATUS] (it offers [RESPONSE_TIME], [CONNECTED])`,
    ]);
  });

  it('refuses a certificate condition on http://, and accepts it on https:// and tls://', () => {
    expect(problems('http-cert.yaml', 'monitors:\n  - name: api\n    url: http://127.0.0.1:1/ok\n    conditions:\n      - "[STATUS] == 200"\n      - "[CERTIFICATE_EXPIRATION] > 14d"\n')).toEqual([
      `http-cert.yaml:6:10: monitor 'api': condition "[CERTIFICATE_EXPIRATION] > 14d" can never pass: an http:// monitor does not report [CERTIFICATE_EXPIRATION] (it offers [STATUS], [RESPONSE_TIME], [BODY], [CONNECTED])`,
    ]);
    const fine = write(
      'certs.yaml',
      'monitors:\n  - name: api\n    url: https://127.0.0.1:1/ok\n    conditions: ["[CERTIFICATE_EXPIRATION] > 14d"]\n  - name: cert\n    url: tls://127.0.0.1:1\n    conditions: ["[CERTIFICATE_EXPIRATION] > 14d", "[CONNECTED] == true"]\n',
    );
    expect(loadMonitorConfig(fine).monitors.map((m) => m.name)).toEqual(['api', 'cert']);
  });

  it('refuses body and command placeholders on kinds that have neither', () => {
    const lines = problems(
      'kinds.yaml',
      `monitors:
  - name: cert
    url: tls://127.0.0.1:1
    conditions: ["has([BODY].x) == true"]
  - name: ratio
    prometheus: http://127.0.0.1:9090
    query: up
    conditions: ["[EXIT_CODE] == 0"]
  - name: disk
    kind: ssh
    host: web-1
    command: df
    conditions: ["[STATUS] == 200"]
`,
    );
    expect(lines).toEqual([
      `kinds.yaml:4:23: monitor 'cert': condition "has([BODY].x) == true" can never pass: a tls monitor does not report [BODY] (it offers [RESPONSE_TIME], [CERTIFICATE_EXPIRATION], [CONNECTED])`,
      `kinds.yaml:8:19: monitor 'ratio': condition "[EXIT_CODE] == 0" can never pass: a prometheus monitor does not report [EXIT_CODE] (it offers [RESPONSE_TIME], [VALUE])`,
      `kinds.yaml:13:19: monitor 'disk': condition "[STATUS] == 200" can never pass: an ssh monitor does not report [STATUS] (it offers [RESPONSE_TIME], [VALUE], [EXIT_CODE], [STDOUT])`,
    ]);
  });
});

describe('URLs without a host', () => {
  it('refuses http:///path, which URL parsing would read as the host "path", for every URL kind', () => {
    const lines = problems(
      'no-host.yaml',
      `monitors:
  - name: a
    url: http:///health
  - name: b
    url: https:/health
  - name: c
    url: tcp:///x
  - name: d
    url: tls:/example.com
  - name: e
    prometheus: http:///api
    query: up
`,
    );
    expect(lines).toEqual([
      "no-host.yaml:3:5: monitor 'a': url 'http:///health' has no host: the host goes between // and the next / (write e.g. http://host:port/path)",
      "no-host.yaml:5:5: monitor 'b': url 'https:/health' has no host: put '//' and the host after the scheme (write e.g. https://host:port/path)",
      "no-host.yaml:7:5: monitor 'c': url 'tcp:///x' has no host: the host goes between // and the next / (write e.g. tcp://host:port/path)",
      "no-host.yaml:9:5: monitor 'd': url 'tls:/example.com' has no host: put '//' and the host after the scheme (write e.g. tls://host:port/path)",
      "no-host.yaml:11:5: monitor 'e': prometheus 'http:///api' has no host: the host goes between // and the next / (write the server as http://host:9090)",
    ]);
  });

  it('still accepts hosts with user info, ports and IPv6 literals', () => {
    const file = write('hosts.yaml', 'monitors:\n  - name: a\n    url: http://user:pw@example.com:8080/x\n  - name: b\n    url: http://[::1]:8080/\n  - name: c\n    url: tcp://db:5432\n');
    expect(loadMonitorConfig(file).monitors.map((m) => m.target)).toEqual(['http://user:pw@example.com:8080/x', 'http://[::1]:8080/', 'tcp://db:5432']);
  });
});

describe('misspelt field names', () => {
  it('suggests the closest field', () => {
    expect(problems('typos.yaml', 'monitors:\n  - name: a\n    url: http://127.0.0.1:1/ok\n    intervall: 30s\n    timout: 3s\n    condition: ["[STATUS] == 200"]\n    colour: red\n')).toEqual([
      "typos.yaml:4:5: monitor 'a': unknown field 'intervall' (did you mean 'interval'?)",
      "typos.yaml:5:5: monitor 'a': unknown field 'timout' (did you mean 'timeout'?)",
      "typos.yaml:6:5: monitor 'a': unknown field 'condition' (did you mean 'conditions'?)",
      "typos.yaml:7:5: monitor 'a': unknown field 'colour' for a http monitor",
    ]);
  });

  it('reports a misspelt url as the unknown field, not as a monitor with nothing to check', () => {
    expect(problems('urll.yaml', 'monitors:\n  - name: a\n    urll: http://127.0.0.1:1/ok\n  - name: b\n    promethus: http://127.0.0.1:9090\n    query: up\n')).toEqual([
      "urll.yaml:3:5: monitor 'a': unknown field 'urll' (did you mean 'url'?)",
      "urll.yaml:5:5: monitor 'b': unknown field 'promethus' (did you mean 'prometheus'?)",
    ]);
    expect(problems('nothing.yaml', 'monitors:\n  - name: a\n    interval: 30s\n')).toEqual([
      "nothing.yaml:2:5: monitor 'a': cannot tell what to check: give a url: (https://host/health, tcp://host:port or tls://host:port) or a kind:",
    ]);
  });

  it('suggests monitors: for a misspelt top-level key', () => {
    expect(problems('top.yaml', 'monitor:\n  - name: a\n    url: http://127.0.0.1:1/ok\n')).toEqual(["top.yaml:1:1: unknown top-level key 'monitor' (did you mean 'monitors'?)"]);
  });
});

describe('a file that cannot be read', () => {
  function unreadable(file: string): string {
    try {
      loadMonitorConfig(file);
    } catch (err) {
      if (err instanceof ConfigError) return err.message;
      throw err;
    }
    throw new Error('the file loaded');
  }

  it('says there is no such file, without a position or errno text', () => {
    const missing = path.join(dir, 'nope.yaml');
    expect(unreadable(missing)).toBe(`${missing}: there is no such file (check the path)`);
  });

  it('says a directory is not a monitors file', () => {
    const folder = path.join(dir, 'bad');
    fs.mkdirSync(folder);
    expect(unreadable(folder)).toBe(`${folder}: is a directory, not a monitors file`);
  });
});

describe('monitor names that would break one-line output', () => {
  it('refuses line breaks, terminal escapes and direction marks, showing them escaped', () => {
    const lines = problems('names.yaml', 'monitors:\n  - name: "nl\\nname"\n    url: http://127.0.0.1:1/a\n  - name: "esc \\e[31mred"\n    url: http://127.0.0.1:1/b\n  - name: "bidi \\u202e evil"\n    url: http://127.0.0.1:1/c\n');
    expect(lines).toEqual([
      "names.yaml:2:5: monitor 'nl\\nname': name contains a line break (\\n); a name is one line of plain text, so remove it",
      "names.yaml:4:5: monitor 'esc \\u001b[31mred': name contains a control character (\\u001b); a name is one line of plain text, so remove it",
      "names.yaml:6:5: monitor 'bidi \\u202e evil': name contains an invisible direction mark (\\u202e); a name is one line of plain text, so remove it",
    ]);
    expect(lines.every((line) => !/[\n\r\u001b\u202e]/.test(line))).toBe(true);
  });

  it('still accepts any printable text', () => {
    const file = write('unicode.yaml', 'monitors:\n  - name: "Zahlungen ✅ 支付 🚀"\n    url: http://127.0.0.1:1/a\n  - name: "e\\u0301"\n    url: http://127.0.0.1:1/b\n');
    expect(loadMonitorConfig(file).monitors.map((m) => m.name)).toEqual(['Zahlungen ✅ 支付 🚀', 'e\u0301']);
  });
});
