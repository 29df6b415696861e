// The one rule for which links may leave Trayage: the desktop shell hands only these to the OS, and
// the renderer shows only these as links. It runs in both, so it uses nothing but the URL global.

// Web pages, mail and phone. Every other scheme can run code (javascript:, vbscript:), show
// attacker-made content as ours (data:, blob:), reach local files (file:) or launch whatever local
// program registered a custom scheme.
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'tel:']);

// The RFC 6068 fields a mail client fills in as a draft. Others, such as `attach=`, make some mail
// clients attach a local file to the draft.
const MAIL_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

// C0 controls and DEL. URL parsers drop tabs and newlines inside a URL and strip controls at its
// ends, which hides a scheme from a reader (`java\tscript:`); no genuine link has them, so such an
// href is refused rather than cleaned.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * The URL to hand to the OS for `href`, normalised, or null when the link must not leave the app:
 * a scheme other than https, http, mailto or tel, a relative or malformed URL, a control character
 * anywhere, a mailto: field beyond to/cc/bcc/subject/body, or credentials in the URL
 * (`https://user:pass@host`), which no runbook or contact link needs and which disguise the real
 * host (`https://status.example.com@evil.example`). Surrounding spaces are ignored, as browsers do.
 */
export function safeExternalUrl(href: string): string | null {
  if (CONTROL_CHARACTER.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username || url.password) return null;
  if (url.protocol === 'mailto:' && [...url.searchParams.keys()].some((field) => !MAIL_FIELDS.has(field.toLowerCase()))) return null;
  return url.href;
}
