import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), spec)) : spec;
}

// The layering rules of the project, checked on every run rather than hoped for.
describe('layering', () => {
  it('engine, server, CLI and shared code never import electron or the desktop shell', () => {
    const offenders = ['main/engine', 'main/server', 'main/cli', 'main/shared']
      .flatMap(sourceFiles)
      .flatMap((file) => imports(file).map((spec) => [file, resolved(file, spec)] as const))
      .filter(([, target]) => target === 'electron' || target.startsWith('main/desktop'));
    expect(offenders).toEqual([]);
  });

  it('renderer never imports main code, node built-ins or electron', () => {
    const offenders = sourceFiles('renderer')
      .flatMap((file) => imports(file).map((spec) => [file, resolved(file, spec)] as const))
      .filter(([, target]) => target.startsWith('main/') || target.startsWith('node:') || target === 'electron');
    expect(offenders).toEqual([]);
  });

  it('the contract depends on nothing but zod', () => {
    const offenders = sourceFiles('preload/contract')
      .flatMap((file) => imports(file).map((spec) => [file, spec] as const))
      .filter(([, spec]) => !spec.startsWith('./') && spec !== 'zod');
    expect(offenders).toEqual([]);
  });

  it('raw ipcMain/ipcRenderer appear only in the shell entry and the preload', () => {
    const users = [...sourceFiles('main'), ...sourceFiles('preload'), ...sourceFiles('renderer')].filter((file) =>
      /\bipc(Main|Renderer)\b/.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(users.sort()).toEqual(['main/desktop/main.ts', 'preload/index.ts']);
  });
});
