import type { CliIo } from './cli-types';

// Everything the CLI prints may carry text from elsewhere: incident titles and notes, alert names
// from Alertmanager, monitor names, a remote command's output. A terminal acts on escape sequences
// in it (OSC 52 writes the clipboard, CSI moves the cursor and rewrites earlier lines, BEL rings)
// and bidirectional overrides make text read differently from what it is. Each such character is
// shown as its \uXXXX escape instead: visible, never acted on, and inside a JSON string a valid
// escape of the same character, so JSON output stays JSON and keeps its data.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// A carriage return that ends a line (CRLF from a remote shell) is a line end, not a rewrite.
const LINE_END_CR = /\r+(?=\n|$)/g;

/** `text` as a terminal shows it without acting on it: newlines and tabs kept, other controls escaped. */
export function terminalText(text: string): string {
  return text.replace(LINE_END_CR, '').replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `value` as indented JSON, safe for a terminal and parsing back to the same data. */
export function terminalJson(value: unknown): string {
  return terminalText(JSON.stringify(value, null, 2));
}

/** The writers every command receives: no command can print a control character by forgetting to escape it. */
export function terminalIo(io: CliIo): CliIo {
  return { out: (text) => io.out(terminalText(text)), err: (text) => io.err(terminalText(text)) };
}
