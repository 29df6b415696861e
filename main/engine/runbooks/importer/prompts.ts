// Prompts pasted in front of commands in terminal transcripts, so that what follows them is
// read as the command and lines without one as its output.

export type Dialect = 'shell' | 'session' | 'sql';

// Prompts no command line starts with, read in any shell block.
const SHELL_PROMPTS: readonly RegExp[] = [
  /^\s*\$(?:[ \t]|$)/, // $ ls
  /^\s*(?:\([\w.-]+\)\s*)?(?:\[[^\]\n]{1,80}\]|[\w.-]+@[\w.-]+(?::\S*|\s\S+)?)\s?[$#%](?:[ \t]|$)/, // user@host:~$ , [root@db1 ~]# , (venv) me@box:/srv$
  /^\s*(?:ba|z|k|da|a)?sh(?:-\d+(?:\.\d+)*)?[$#%](?:[ \t]|$)/, // sh-5.1# , bash-4.2$
  /^\s*PS(?:[ \t][^>\n]{0,200})?>(?:[ \t]|$)/, // PS> , PS C:\ops>
  /^\s*❯(?:[ \t]|$)/,
];

/** `# ` is root's prompt only in a transcript (console, shell-session); elsewhere it starts a comment. */
const ROOT_PROMPT = /^\s*#[ \t]/;

const SQL_PROMPTS: readonly RegExp[] = [
  /^\s*[\w-]{1,63}=[#>][ \t]?/, // app=# , app=>
  /^\s*(?:mysql|mariadb|sqlite|MariaDB \[[^\]\n]{0,80}\])>[ \t]?/,
];
const SQL_CONTINUATION = /^\s*(?:[\w-]{1,63}-[#>]|->|\.\.\.>|'>|">)[ \t]?/;
const SHELL_CONTINUATION = /^\s*>[ \t]?/;

/** The length of the prompt `line` starts with, or 0. The root prompt is tried by the caller. */
export function promptLength(line: string, dialect: Dialect): number {
  for (const prompt of dialect === 'sql' ? SQL_PROMPTS : SHELL_PROMPTS) {
    const m = prompt.exec(line);
    if (m) return m[0].length;
  }
  return 0;
}

/** The length of a root prompt (`# `) at the start of a transcript line, or 0. */
export function rootPromptLength(line: string, dialect: Dialect): number {
  if (dialect !== 'session') return 0;
  return ROOT_PROMPT.exec(line)?.[0].length ?? 0;
}

/** A continuation line of a command begun at a prompt, without its `> ` (or `->`, `app-#`). */
export function withoutContinuation(line: string, dialect: Dialect): string {
  const m = (dialect === 'sql' ? SQL_CONTINUATION : SHELL_CONTINUATION).exec(line);
  return m ? line.slice(m[0].length) : line;
}

/** Whether a SQL line continues a statement begun at a prompt (`app-# `, `    -> `). */
export function isSqlContinuation(line: string): boolean {
  return SQL_CONTINUATION.test(line);
}
