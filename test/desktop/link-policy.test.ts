import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../main/shared/link-policy';

describe('link policy', () => {
  it('lets web, mail and phone links out, normalised', () => {
    expect(safeExternalUrl('https://runbooks.example.com/db#failover')).toBe('https://runbooks.example.com/db#failover');
    expect(safeExternalUrl('http://127.0.0.1:9093/#/alerts')).toBe('http://127.0.0.1:9093/#/alerts');
    expect(safeExternalUrl('HTTPS://Status.Example.COM/a b')).toBe('https://status.example.com/a%20b');
    expect(safeExternalUrl('mailto:oncall@example.com')).toBe('mailto:oncall@example.com');
    expect(safeExternalUrl('mailto:oncall@example.com?subject=Incident 42&cc=lead@example.com')).toBe(
      'mailto:oncall@example.com?subject=Incident%2042&cc=lead@example.com',
    );
    expect(safeExternalUrl('tel:+4930123456')).toBe('tel:+4930123456');
    // Surrounding spaces are ignored, as browsers ignore them.
    expect(safeExternalUrl('  https://example.com  ')).toBe('https://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\u00a0javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://example.com/5c1f0e1a',
    'ssh://root@db1',
    'ms-msdt:/id PCWDiagnostic',
    'slack://open',
  ])('refuses the scheme of %j', (href) => {
    expect(safeExternalUrl(href)).toBeNull();
  });

  it.each([
    ['a NUL before the scheme', '\u0000javascript:alert(1)'],
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a newline inside the scheme', 'java\nscript:alert(1)'],
    ['a control character before a web link', '\u0001https://example.com'],
    ['a NUL in the path', 'https://example.com/\u0000'],
    ['DEL', 'https://example.com/\u007f'],
  ])('refuses control characters: %s', (_what, href) => {
    expect(safeExternalUrl(href)).toBeNull();
  });

  it.each([
    ['a percent-encoded scheme', '%6A%61vascript:alert(1)'],
    ['an encoded colon', 'javascript%3Aalert(1)'],
    ['an HTML entity', '&#106;avascript:alert(1)'],
  ])('refuses encoded tricks: %s', (_what, href) => {
    expect(safeExternalUrl(href)).toBeNull();
  });

  it('refuses credentials in the URL, which disguise the real host', () => {
    expect(safeExternalUrl('https://user:pass@example.com/')).toBeNull();
    expect(safeExternalUrl('https://status.example.com@evil.example/')).toBeNull();
    expect(safeExternalUrl('https://:pass@example.com/')).toBeNull();
  });

  it('refuses mailto: fields that make some mail clients attach local files', () => {
    expect(safeExternalUrl('mailto:oncall@example.com?attach=/etc/passwd')).toBeNull();
    expect(safeExternalUrl('mailto:oncall@example.com?subject=x&Attachment=~/.ssh/id_ed25519')).toBeNull();
  });

  it.each(['', '   ', 'not a url', '/runbooks/db', '#/incidents/3', '//evil.example/x', 'https://', 'http://exa mple.com'])(
    'refuses %j: relative or malformed',
    (href) => {
      expect(safeExternalUrl(href)).toBeNull();
    },
  );
});
