import type { Code, Table } from 'mdast';
import type { CodeRole } from './code-blocks';
import { sectionAbout } from './section-kinds';
import type { Block } from './document-walker';
import { boldField, firstParagraph, itemOwnText, lineOf, nodeText } from './node-text';
import { sectionPath } from './section-context';
import { parseMinutes, RESPONSE_FIELD, severityKeyAtStart } from './text-patterns';
import { EMAIL, PHONE } from './settings-contacts';
import type { RunbookContact, RunbookEscalation } from './types';

const ARROW = /\s*(?:→|->|⇒|=>|»)\s*/;
const NOBODY = /^(none|n\/a|-|—|nobody)$/i;
const PLAIN_FIELD = /^([^:]{1,40}):\s+(.+)$/;
// "Incident commander — Maria Gonzalez — +1 (206) 555-0100": the role, then who, set off by a dash.
const DASH_FIELD = /^([^—–:]{1,40}?)\s+[—–-]\s+(.+)$/;

function cellsOf(row: Table['children'][number]): string[] {
  return row.children.map((cell) => nodeText(cell));
}

function col(header: string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(h));
}

function contactsFromTable(table: Table, section: string): RunbookContact[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const header = cellsOf(head);
  // Header words in English, German, Spanish, French and Portuguese.
  const role = Math.max(0, col(header, /role|rolle|\brol\b|rôle|papel|position|funktion|function|función|fonction|team|equipo|équipe/i));
  const name = col(header, /name|nombre|\bnom\b|nome|primary|person|who|wer|quién|owner|verantwortlich|responsable/i);
  const backup = col(header, /secondary|backup|deputy|vertretung|stellvertret|suplente|suppléant/i);
  const contactColumns = header
    .map((h, i) => (/phone|telefon|teléfono|téléphone|telefone|contact|kontakt|contacto|e-?mail|mail|correo|courriel|slack|pager|\btel\b|handy|móvil|mobile/i.test(h) && i !== name ? i : -1))
    .filter((i) => i >= 0);
  return rows.map((row) => {
    const cells = cellsOf(row);
    const contact = contactColumns.map((i) => cells[i] ?? '').filter(Boolean).join(' / ');
    return {
      role: cells[role] ?? '',
      name: name >= 0 && cells[name] ? cells[name] : null,
      backup: backup >= 0 && cells[backup] ? cells[backup] : null,
      contact: contact || null,
      section,
      line: lineOf(row),
    };
  });
}

/** Who to call: tables and `**Role**: details` lists under contact or on-call headings, and `Role: details` lines in a plain block there. */
export function extractContacts(blocks: readonly Block[], roles: ReadonlyMap<Code, CodeRole>): RunbookContact[] {
  const contacts: RunbookContact[] = [];
  for (const block of blocks) {
    if (block.kind === 'table' && sectionAbout(block.ctx) === 'contacts') {
      contacts.push(...contactsFromTable(block.node, sectionPath(block.ctx)));
    } else if (block.kind === 'list' && sectionAbout(block.ctx) === 'contacts') {
      for (const item of block.node.children) {
        if (typeof item.checked === 'boolean') continue;
        const paragraph = firstParagraph(item);
        const field = paragraph ? boldField(paragraph) : null;
        const own = itemOwnText(item);
        const plain = field ? null : (PLAIN_FIELD.exec(own) ?? DASH_FIELD.exec(own));
        const role = field && !field.standalone ? field.name : plain?.[1];
        const value = field && !field.standalone ? field.value : plain?.[2];
        if (role && value) contacts.push({ role: role.trim(), name: null, backup: null, contact: value.trim(), section: sectionPath(block.ctx), line: lineOf(item) });
      }
    } else if (block.kind === 'list' && sectionAbout(block.ctx) === 'escalation') {
      // "2. Secondary on-call — Kenji Watanabe — +1 206 555 0101": a person to escalate to, and how to reach them.
      for (const item of block.node.children) {
        const m = DASH_FIELD.exec(itemOwnText(item));
        const details = m?.[2].replace(TRAILING_NOTE, '').trim();
        if (m && details && (PHONE.test(details) || EMAIL.test(details))) {
          contacts.push({ role: m[1].trim(), name: null, backup: null, contact: details, section: sectionPath(block.ctx), line: lineOf(item) });
        }
      }
    } else if (block.kind === 'code' && roles.get(block.node)?.role === 'contacts') {
      const lines = block.node.value.split('\n');
      lines.forEach((text, index) => {
        const m = PLAIN_FIELD.exec(text.trim());
        if (m) contacts.push({ role: m[1].trim(), name: null, backup: null, contact: m[2].trim(), section: sectionPath(block.ctx), line: block.line + 1 + index });
      });
    }
  }
  return contacts;
}

const TRAILING_NOTE = /\s*\(([^()]*)\)\s*$/;

/** "Engineering manager — Sarah O'Brien — +1 555 0199" → "Sarah O'Brien (Engineering manager)": who, without how to reach them. */
function personIn(text: string): string {
  const parts = text
    .replace(EMAIL, '')
    .replace(PHONE, '')
    .split(/\s+[—–-]\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length >= 2) return `${parts[1]} (${parts[0]})`;
  return parts[0] ?? text.trim();
}

function escalationFromTable(table: Table, section: string): RunbookEscalation[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const header = cellsOf(head);
  if (!header.some((h) => /escalat/i.test(h)) || header.some((h) => RESPONSE_FIELD.test(h) || /defin|descr/i.test(h))) return [];
  const severity = Math.max(0, col(header, /sever|level|priorit/i));
  const first = col(header, /first|responder|owner|primary|on-?call/i);
  // Without an "escalate to" column, the escalation column itself holds the path ("Primary → Secondary → Head").
  const named = col(header, /escalate\s*to|\bto\b|target/i);
  const to = named >= 0 ? named : col(header, /escalat|path|chain/i);
  const condition = col(header, /\bif\b|after|when|time|condition|trigger/i);
  return rows.map((row) => {
    const cells = cellsOf(row);
    const key = severityKeyAtStart(cells[severity] ?? '');
    const targets = to >= 0 ? (cells[to] ?? '').split(/\s*(?:,|\/|\band\b|→|->|⇒|=>|»)\s*/) : [];
    const path = [first >= 0 ? cells[first] : '', ...targets].map((p) => p?.trim() ?? '').filter((p) => p && !NOBODY.test(p));
    const text = condition >= 0 ? (cells[condition] ?? '') : cells.join(' | ');
    return { severity: key?.key ?? null, path, afterMinutes: condition >= 0 ? parseMinutes(text) : null, text, section, line: lineOf(row) };
  });
}

/**
 * "| Severity | First | Then (after) | Finally |" under an escalation heading: each row's people in
 * order, and each one given a time ("Secondary (15 min)") is a step reached after it, so a row
 * reads as the level's chain.
 */
function escalationFromPathTable(table: Table, section: string): RunbookEscalation[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const header = cellsOf(head);
  const severity = Math.max(0, col(header, /sever|level|priorit|stufe|nivel|niveau/i));
  const rules: RunbookEscalation[] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    const key = severityKeyAtStart(cells[severity] ?? '');
    const people = cells
      .filter((_, i) => i !== severity)
      .map((cell) => cell.trim())
      .filter((cell) => cell && !NOBODY.test(cell));
    const path: string[] = [];
    let timed = false;
    for (const cell of people) {
      path.push(cell.replace(TRAILING_NOTE, '').trim() || cell);
      const after = parseMinutes(TRAILING_NOTE.exec(cell)?.[1] ?? '');
      if (after === null) continue;
      timed = true;
      rules.push({ severity: key?.key ?? null, path: [...path], afterMinutes: after, text: cells.join(' | '), section, line: lineOf(row) });
    }
    if (!timed && path.length > 0) rules.push({ severity: key?.key ?? null, path, afterMinutes: null, text: cells.join(' | '), section, line: lineOf(row) });
  }
  return rules;
}

/** Escalation matrices (tables with an "escalate" column, or any table under an escalation heading) and lists under escalation headings. */
export function extractEscalation(blocks: readonly Block[]): RunbookEscalation[] {
  const rules: RunbookEscalation[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      const matrix = escalationFromTable(block.node, sectionPath(block.ctx));
      if (matrix.length === 0 && sectionAbout(block.ctx) === 'escalation') rules.push(...escalationFromPathTable(block.node, sectionPath(block.ctx)));
      else rules.push(...matrix);
    } else if (block.kind === 'list' && sectionAbout(block.ctx) === 'escalation') {
      for (const item of block.node.children) {
        if (typeof item.checked === 'boolean') continue;
        const text = itemOwnText(item);
        if (!text) continue;
        const arrows = text.split(ARROW).filter(Boolean);
        const note = TRAILING_NOTE.exec(text)?.[1] ?? '';
        const path = arrows.length > 1 ? arrows : [personIn(text.replace(TRAILING_NOTE, ''))];
        // "VP Engineering — David Kim (SEV1 only, after 1 hour)": the level may be in the note.
        const key = severityKeyAtStart(text) ?? severityKeyAtStart(note);
        rules.push({ severity: key?.key ?? null, path, afterMinutes: arrows.length > 1 ? null : parseMinutes(text), text, section: sectionPath(block.ctx), line: lineOf(item) });
      }
    }
  }
  return rules;
}
