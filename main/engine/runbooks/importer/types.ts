// The result of importing a Markdown runbook. Plain JSON: `trayage import FILE.md --json`
// prints it as is. Every item carries the 1-based `line` it came from and the `section`
// (headings › label) it sits in, so a preview can point at the source.

export interface RunbookSeverity {
  /** The key as written: "P1", "SEV-2". */
  name: string;
  /** The rest of its heading or cell: "Critical", "High (Urgent)". */
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

export interface RunbookStep {
  title: string;
  /** One or more shell lines run together; continuations joined, here-documents kept whole. */
  command: string;
  destructive: boolean;
  destructiveReasons: string[];
  placeholders: string[];
  /** The step opens a connection to another machine (`ssh root@host`, `scp`, `rsync host:`). */
  needsHost: boolean;
  /** The machine it names, e.g. "root@heroforge.example.io". */
  host: string | null;
  line: number;
}

export interface RunbookProcedure {
  title: string;
  kind: RunbookProcedureKind;
  section: string;
  /** The machine a step logs into with `ssh`; the steps after it run there. */
  host: string | null;
  steps: RunbookStep[];
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
  escalation: RunbookEscalation[];
  /** Conditions written in prose that suggest monitors: "Error rate > 5% for > 2 minutes". */
  thresholds: string[];
  warnings: string[];
}
