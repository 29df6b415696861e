import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Node keeps each bundle's source in memory as one string; a single character beyond Latin-1
// anywhere in it (an arrow in a comment) doubles that string's size (scripts/build.mjs).
const BUNDLES = ['cli.cjs', 'engine-host.cjs', 'runbook-import-worker.cjs', 'desktop.cjs'];

describe('the built bundles', () => {
  it.each(BUNDLES)('%s is ASCII only, so its source is held at one byte per character', (name) => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../dist', name), 'utf8');
    const beyond = [...text.matchAll(/[^\x00-\x7f]/g)].slice(0, 3).map((m) => text.slice(Math.max(0, m.index - 30), m.index + 10));
    expect(beyond).toEqual([]);
  });
});
