// The result of importing a Markdown runbook. Plain JSON: `trayage import FILE.md --json`
// prints it as is. Every item carries the 1-based `line` it came from and the `section`
// (headings › label) it sits in, so a preview can point at the source.
import type { Contact } from '../../../../preload/contract';

export interface RunbookSeverity {
  /** The key as written: "P1", "SEV-2", "S1", "A", "Critical". */
  name: string;
  /** The rest of its heading or cell: "Critical", "High (Urgent)"; empty when the key is the name. */
  label: string;
  /** Minutes to respond; 0 for "immediate"; null when the text is not a time ("Next business day"). */
  responseMinutes: number | null;
  responseText: string;
  definition: string;
  examples: string[];
  updateCadenceMinutes: number | null;
  /** The level's own escalation text, e.g. "Auto-escalate to CEO". */
  escalation: string | null;
  /** From an escalation matrix: escalate when unresolved after this long. */
  escalateAfterMinutes: number | null;
  escalateTo: string[];
  /** How long to watch after the fix ("P0: Monitor for 2 hours post-fix"). */
  postFixWatchMinutes: number | null;
  /** Who is notified ("All hands on deck"). */
  notify: string | null;
  line: number;
}

export interface RunbookChecklist {
  title: string;
  items: string[];
  /** Severity keys named in the title ("P2-P4 Incidents" → P2, P3, P4) that the runbook defines. */
  severities: string[];
  section: string;
  line: number;
}

export type RunbookProcedureKind = 'diagnostic' | 'rollback' | 'resolution';

/** `shell`: a shell command. `sql`: SQL, run only through a database client command set when saving. */
export type RunbookStepKind = 'shell' | 'sql';

export interface RunbookStep {
  title: string;
  kind: RunbookStepKind;
  /**
   * One top-level command as it will run: continuations and here-documents kept whole, prompts
   * removed, and a command that never ends replaced by its bounded form (see `written`).
   */
  command: string;
  /** The command as the runbook wrote it, when `command` differs (a bounded form of `tail -f`). */
  written: string | null;
  /** Every command in it is on the read-only list: it may run in a diagnostic, on many hosts at once. */
  readOnly: boolean;
  /** Destroys data, stops something or rolls back: the host name must be typed before it runs. */
  destructive: boolean;
  /** Why it is destructive, for the confirmation, destructive findings first; empty when it is not destructive. */
  destructiveReasons: string[];
  /** Why it is not read-only, destructive findings first; empty when it is read-only. */
  reasons: string[];
  /** Something the person should know about how it runs ("`tail -f` never ends; runs as …"). */
  note: string | null;
  /** Why Trayage will not run it (a command that never ends and has no bounded form); null when it can. */
  refused: string | null;
  /**
   * The runbook runs it only in some cases ("if needed") and no procedure of its own settles
   * that (see `RunbookProcedure.choice`): it is decided when the run gets there.
   */
  condition: string | null;
  placeholders: string[];
  /** The step opens a connection to another machine (`ssh root@host`, `scp`, `rsync host:`). */
  needsHost: boolean;
  /** The machine it names, e.g. "root@heroforge.example.io". */
  host: string | null;
  line: number;
}

/**
 * Where the runbook offers ways to choose from ("On Heroku: … / On AWS ECS: …", "# or", an
 * optional "if needed" step), each way is a procedure of its own; they share `of`.
 */
export interface RunbookChoice {
  /** The procedure as the runbook names it, before the choice: "API Down › Rollback". */
  of: string;
  /** What this one picks: "Heroku", "if container stopped", "with Rebuild frontend". */
  option: string;
  /** How many procedures were made from `of`. */
  count: number;
}

export interface RunbookProcedure {
  title: string;
  kind: RunbookProcedureKind;
  section: string;
  /** The machine a step logs into with `ssh`; the steps after it run there. */
  host: string | null;
  steps: RunbookStep[];
  /** Set when this procedure is one of several ways the runbook offers. */
  choice: RunbookChoice | null;
  line: number;
}

export type RunbookTemplateKind = 'communication' | 'postmortem';

export interface RunbookTemplate {
  title: string;
  kind: RunbookTemplateKind;
  body: string;
  placeholders: string[];
  section: string;
  line: number;
}

export interface RunbookContact {
  role: string;
  name: string | null;
  backup: string | null;
  /** Phone, e-mail or whatever the runbook gives (may itself be a placeholder like "[Phone/Email]"). */
  contact: string | null;
  section: string;
  line: number;
}

export interface RunbookEscalation {
  /** The severity key the rule is for, or null when it applies to all. */
  severity: string | null;
  /** Who is involved, in order: ["DevOps", "Manager"] or ["L1 Support", "L2 Engineering", …]. */
  path: string[];
  afterMinutes: number | null;
  text: string;
  section: string;
  line: number;
}

/** A monitor the runbook's own thresholds suggest, as an entry for the monitors file. */
export interface RunbookMonitorSuggestion {
  name: string;
  kind: 'ssh' | 'prometheus' | 'http' | 'tls';
  /** One `- name: …` entry, ready to paste under `monitors:`; see main/engine/monitors/CONFIG.md. */
  yaml: string;
  /** Fields still to fill in: "host", "prometheus", "query", "url". */
  fillIn: string[];
  /** The sentence it comes from: "Disk usage > 85% for 5 minutes". */
  source: string;
  line: number;
}

export interface RunbookExtraction {
  title: string;
  fileName: string | null;
  frontMatter: Record<string, unknown> | null;
  severities: RunbookSeverity[];
  /** Update cadence stated without naming a level ("Post updates every 30 minutes"). */
  updateCadenceMinutes: number | null;
  checklists: RunbookChecklist[];
  procedures: RunbookProcedure[];
  templates: RunbookTemplate[];
  contacts: RunbookContact[];
  /** The contacts with a real name, in the shape Settings keeps (role, name, e-mail, phone, note). */
  settingsContacts: Contact[];
  escalation: RunbookEscalation[];
  /** Conditions written in prose that suggest monitors: "Error rate > 5% for > 2 minutes". */
  thresholds: string[];
  suggestedMonitors: RunbookMonitorSuggestion[];
  warnings: string[];
}
