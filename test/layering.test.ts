import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaCycles, areaViolations, type ImportEdge } from './helpers/area-rules';

const root = path.resolve(__dirname, '..');
// A call into the RPC door: `registry.dispatch(…)`, or any `.dispatch({ id: … })` request.
const REGISTRY_CALL = /\b(registry|rpc)\s*\.\s*dispatch(Text)?\s*\(|\.dispatch\(\s*\{\s*id\s*:/;

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

function withExtension(target: string): string {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, target]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return target;
}

function engineEdges(): ImportEdge[] {
  return sourceFiles('main/engine').flatMap((from) =>
    imports(from)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from, to: withExtension(resolved(from, spec)) })),
  );
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

  it('renderer never imports main code (but the pure shared helpers), node built-ins or electron', () => {
    const offenders = sourceFiles('renderer')
      .flatMap((file) => imports(file).map((spec) => [file, resolved(file, spec)] as const))
      .filter(([, target]) => (target.startsWith('main/') && !target.startsWith('main/shared/')) || target.startsWith('node:') || target === 'electron');
    expect(offenders).toEqual([]);
  });

  it('shared helpers are pure: no node built-ins, no other main code', () => {
    const offenders = sourceFiles('main/shared')
      .flatMap((file) => imports(file).map((spec) => [file, resolved(file, spec)] as const))
      .filter(([, target]) => !target.startsWith('main/shared/'));
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

  it('engine areas depend on each other one way, through ports and domain only; libraries know no area', () => {
    const edges = engineEdges();
    expect(areaViolations(edges)).toEqual([]);
    expect(areaCycles(edges)).toEqual([]);
  });

  it('the area rules catch a cycle, a reverse dependency and a reach past a port', () => {
    const edges: ImportEdge[] = [
      { from: 'main/engine/incidents/incident-service.ts', to: 'main/engine/monitors/monitors-port.ts' },
      { from: 'main/engine/monitors/monitor-runtime.ts', to: 'main/engine/incidents/incidents-port.ts' },
      { from: 'main/engine/runs/run-manager.ts', to: 'main/engine/incidents/incident-store.ts' },
      { from: 'main/engine/lib/ssh/ssh-runner.ts', to: 'main/engine/hosts/hosts-port.ts' },
    ];
    expect(areaCycles(edges)).toEqual([['incidents', 'monitors', 'incidents']]);
    const problems = areaViolations(edges);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('incidents may not use monitors');
    expect(problems[1]).toContain('through its port or domain');
    expect(problems[2]).toContain('a library imports no area');
  });

  it('inside the engine nothing calls the RPC registry: only the engine itself opens that door', () => {
    const callers = sourceFiles('main/engine')
      .filter((file) => !file.startsWith('main/engine/rpc/') && file !== 'main/engine/engine.ts')
      .filter((file) => REGISTRY_CALL.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(callers).toEqual([]);
  });

  it('the dispatch rule catches a call through the registry', () => {
    expect(REGISTRY_CALL.test("await ctx.registry.dispatch({ id: 1, method: 'incidents.declare', params })")).toBe(true);
    expect(REGISTRY_CALL.test('this.dispatch(entry);')).toBe(false);
  });
});
