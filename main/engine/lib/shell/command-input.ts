// What a command reads on its standard input, as far as the command line shows it.
export interface CommandInput {
  kind: 'none' | 'heredoc' | 'pipe' | 'file';
  /** The text when it is written in the command: a here-document, or `echo …` piped in. */
  text: string | null;
  /** Where it comes from, for reasons: "the output of `curl`", "`backup.sql`", "a here-document". */
  from: string;
}

export const NO_INPUT: CommandInput = { kind: 'none', text: null, from: '' };
