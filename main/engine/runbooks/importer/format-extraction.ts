import type { RunbookProcedure, RunbookExtraction, RunbookSeverity, RunbookStep } from './types';

const COMMAND_WIDTH = 100;

function formatMinutes(minutes: number): string {
  if (minutes === 0) return 'immediately';
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

function afterText(minutes: number): string {
  return minutes === 0 ? 'immediately' : `after ${formatMinutes(minutes)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function count(items: readonly { kind: string }[], kinds: readonly string[]): string {
  return kinds
    .map((kind) => [kind, items.filter((i) => i.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

function severityLine(s: RunbookSeverity): string {
  const facts = [s.responseMinutes === null ? `respond: ${s.responseText || 'no time given'}` : `respond ${formatMinutes(s.responseMinutes)}`];
  if (s.updateCadenceMinutes !== null) facts.push(`updates every ${formatMinutes(s.updateCadenceMinutes)}`);
  if (s.escalateAfterMinutes !== null || s.escalateTo.length > 0) {
    const after = s.escalateAfterMinutes === null ? '' : ` ${afterText(s.escalateAfterMinutes)}`;
    facts.push(`escalate${after}${s.escalateTo.length > 0 ? ` to ${s.escalateTo.join(', ')}` : ''}`);
  } else if (s.escalation) facts.push(`escalation: ${s.escalation}`);
  if (s.postFixWatchMinutes !== null) facts.push(`watch ${formatMinutes(s.postFixWatchMinutes)} after the fix`);
  return `  ${s.name.padEnd(6)} ${s.label.padEnd(24)} ${facts.join(' · ')}`;
}

function clip(text: string): string {
  const line = text.split('\n', 1)[0];
  const more = text.includes('\n') ? ` (+${plural(text.split('\n').length - 1, 'line')})` : '';
  return (line.length > COMMAND_WIDTH ? `${line.slice(0, COMMAND_WIDTH - 1)}…` : line) + more;
}

function stepLines(step: RunbookStep, i: number): string[] {
  const lines = [`     ${i + 1}. ${step.title}${step.readOnly ? '  (read-only)' : ''}`];
  lines.push(`        ${step.kind === 'sql' ? 'SQL>' : '$'} ${clip(step.command)}`);
  if (step.condition) lines.push(`        if: ${step.condition}`);
  if (step.note) lines.push(`        i ${step.note}`);
  if (step.refused) lines.push(`        x not run: ${step.refused}`);
  for (const reason of step.destructiveReasons) lines.push(`        ! destructive: ${reason}`);
  if (step.placeholders.length > 0) lines.push(`        ? fill in: ${step.placeholders.join(', ')}`);
  if (step.needsHost) lines.push(`        @ needs a host: ${step.host}`);
  return lines;
}

function procedureLines(p: RunbookProcedure): string[] {
  const facts = [plural(p.steps.length, 'step')];
  const destructive = p.steps.filter((s) => s.destructive).length;
  if (destructive > 0) facts.push(`${destructive} destructive`);
  if (p.host) facts.push(`logs into ${p.host}`);
  if (p.choice) facts.push(`one of ${p.choice.count} ways`);
  return [`  ${p.kind.padEnd(11)} ${p.title} — ${facts.join(' · ')}`, ...p.steps.flatMap(stepLines)];
}

/**
 * The summary `trayage import FILE.md` prints: section by section, with counts and flags,
 * safe for a terminal whatever the document holds.
 */
export function formatExtraction(x: RunbookExtraction): string {
  const out: string[] = [`${x.title}${x.fileName ? `  (${x.fileName})` : ''}`, ''];

  out.push(`Severities (${x.severities.length})`);
  for (const s of x.severities) out.push(severityLine(s));
  if (x.updateCadenceMinutes !== null) out.push(`  Updates for every level: every ${formatMinutes(x.updateCadenceMinutes)}`);

  out.push('', `Checklists (${x.checklists.length})`);
  for (const c of x.checklists) {
    const levels = c.severities.length > 0 ? `  [${c.severities.join(', ')}]` : '';
    out.push(`  ${c.title} — ${plural(c.items.length, 'item')}${levels}`);
  }

  const steps = x.procedures.reduce((n, p) => n + p.steps.length, 0);
  const byKind = count(x.procedures, ['diagnostic', 'rollback', 'resolution']);
  out.push('', `Procedures (${x.procedures.length}${byKind ? `: ${byKind}` : ''}; ${plural(steps, 'step')})`);
  for (const p of x.procedures) out.push(...procedureLines(p));

  const templateKinds = count(x.templates, ['communication', 'postmortem']);
  out.push('', `Templates (${x.templates.length}${templateKinds ? `: ${templateKinds}` : ''})`);
  for (const t of x.templates) {
    const blanks = t.placeholders.length > 0 ? ` — ${plural(t.placeholders.length, 'placeholder')}: ${t.placeholders.join(', ')}` : '';
    out.push(`  ${t.kind.padEnd(13)} ${t.title}${blanks}`);
  }

  out.push('', `Contacts (${x.contacts.length}; ${x.settingsContacts.length} ready for Settings)`);
  for (const c of x.contacts) out.push(`  ${c.role}: ${[c.name, c.backup && `backup ${c.backup}`, c.contact].filter(Boolean).join(' — ')}`);

  out.push('', `Escalation (${x.escalation.length})`);
  for (const e of x.escalation) {
    const after = e.afterMinutes === null ? '' : ` (${afterText(e.afterMinutes)})`;
    out.push(`  ${e.severity ? `${e.severity}: ` : ''}${e.path.join(' → ') || e.text}${after}`);
  }

  out.push('', `Thresholds (${x.thresholds.length})`);
  for (const t of x.thresholds) out.push(`  ${t}`);

  out.push('', `Suggested monitors (${x.suggestedMonitors.length})`);
  for (const m of x.suggestedMonitors) out.push(...m.yaml.split('\n').map((l) => `  ${l}`));

  out.push('', `Warnings (${x.warnings.length})`);
  for (const w of x.warnings) out.push(`  ${w}`);
  // The document's own text, as it is: the CLI makes everything it prints safe for a terminal.
  return `${out.join('\n')}\n`;
}
