// What a code block is, read from its language and its content: shell commands (a shell or
// transcript language, or no language but lines the shell parser reads as commands), SQL, a
// message or post-mortem template, a list of contacts, or something not imported.
import type { Code } from 'mdast';
import { readShellBlock, type BlockReading } from './block-commands';
import { startsWithKnownProgram } from './command-recognition';
import type { Block } from './document-walker';
import { sectionAbout, templateKind } from './section-kinds';
import { sectionPath } from './section-context';
import { readSqlBlock, type SqlReading } from './sql-commands';
import type { RunbookTemplateKind } from './types';

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'dash', 'ash', 'shellscript', 'shell-script', 'posix']);
const SESSION_LANGS = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'bash-session', 'terminal', 'term']);
const SQL_LANGS = new Set(['sql', 'psql', 'pgsql', 'postgresql', 'postgres', 'plpgsql', 'plsql', 'mysql', 'mariadb', 'sqlite', 'sqlite3', 'tsql', 'mssql']);
const TEXT_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'none']);
const MARKDOWN_LANGS = new Set(['markdown', 'md']);

export type CodeRole =
  | { role: 'shell'; reading: BlockReading; guessed: boolean }
  | { role: 'sql'; reading: SqlReading }
  | { role: 'template'; kind: RunbookTemplateKind }
  | { role: 'contacts' }
  | { role: 'skipped'; language: string };

/** A line that starts with a program runbooks run, or with a prompt: worth reading as shell. */
function mayHoldCommands(text: string): boolean {
  return text.split('\n').some((line) => startsWithKnownProgram(line.replace(/^\s*(?:\$|[\w.-]+@[\w.-]+\S*[$#])\s+/, '')));
}

/** Text without a language holds commands when every line the parser reads is one, and one at least is a program runbooks run. */
function holdsCommands(reading: BlockReading): boolean {
  if (reading.commands.length === 0) return false;
  if (reading.prompted) return true;
  return reading.outputLines.length === 0 && reading.commands.some((c) => c.verdict === 'known');
}

export function codeRole(node: Code, block: Extract<Block, { kind: 'code' }>): CodeRole {
  const language = (node.lang ?? '').trim().toLowerCase();
  if (SHELL_LANGS.has(language)) return { role: 'shell', reading: readShellBlock(node.value, 'shell'), guessed: false };
  if (SESSION_LANGS.has(language)) return { role: 'shell', reading: readShellBlock(node.value, 'session'), guessed: false };
  if (SQL_LANGS.has(language)) return { role: 'sql', reading: readSqlBlock(node.value) };
  if (!TEXT_LANGS.has(language) && !MARKDOWN_LANGS.has(language)) return { role: 'skipped', language };
  if (TEXT_LANGS.has(language) && mayHoldCommands(node.value)) {
    const reading = readShellBlock(node.value, 'shell');
    if (holdsCommands(reading)) return { role: 'shell', reading, guessed: true };
  }
  const template = templateKind(block.ctx, node.value);
  if (template) return { role: 'template', kind: template };
  if (sectionAbout(block.ctx) === 'contacts') return { role: 'contacts' };
  return { role: 'skipped', language: language || 'untagged' };
}

/** Reads every code block once; says which were not imported and why. */
export function codeRoles(blocks: readonly Block[], warnings: string[]): Map<Code, CodeRole> {
  const roles = new Map<Code, CodeRole>();
  for (const block of blocks) {
    if (block.kind !== 'code') continue;
    const role = codeRole(block.node, block);
    roles.set(block.node, role);
    if (role.role !== 'skipped') continue;
    const where = sectionPath(block.ctx) || 'the top of the document';
    warnings.push(
      role.language === 'untagged'
        ? `line ${block.line}: the code block without a language under "${where}" was not imported: it holds no shell commands and is under no communication, post-mortem or contacts heading`
        : `line ${block.line}: the ${role.language} block under "${where}" was not imported: only shell (bash, sh, shell, zsh, console) and SQL blocks become steps`,
    );
  }
  return roles;
}
