// Text from a runbook is shown in a terminal: an escape sequence hidden in a document could move
// the cursor, rewrite earlier lines or set the window title, and bidirectional overrides could
// make a command read differently from what it is.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves as it is but a terminal may act on: DEL, C1 controls, bidirectional overrides. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without control characters (newline and tab aside) and bidirectional overrides. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** `value` as JSON that a terminal shows as it is: the data unchanged, the characters above escaped. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
