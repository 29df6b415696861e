// The engine's areas and the one direction they may depend on each other: an area may use only the
// areas before it, and only through their ports (`*-port.ts`) and pure domain (`domain/`).
// Core parts serve every area; libraries serve everyone and know no area.
export const AREA_ORDER = ['incidents', 'channels', 'escalation', 'intake', 'hosts', 'alerts', 'monitors', 'runs', 'runbooks'] as const;
export const CORE = ['db', 'rpc', 'secrets', 'settings', 'notifications', 'tray', 'paths.ts', 'version.ts', 'engine-context.ts'] as const;
export const ENGINE = 'main/engine/';

export interface ImportEdge {
  from: string;
  to: string;
}

function topFolder(file: string): string | null {
  if (!file.startsWith(ENGINE)) return null;
  return file.slice(ENGINE.length).split('/')[0];
}

function isPublicSurface(file: string, area: string): boolean {
  const inside = file.slice(ENGINE.length + area.length + 1);
  return /(^|\/)[a-z-]+-port\.ts$/.test(inside) || inside.startsWith('domain/');
}

/** Every import that breaks the direction between areas or reaches past a port; empty when all hold. */
export function areaViolations(edges: ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const { from, to } of edges) {
    const a = topFolder(from);
    const b = topFolder(to);
    if (a === null || b === null || a === b) continue;
    if (a === 'lib') {
      if (b !== 'lib') problems.push(`${from} → ${to}: a library imports no area or engine part`);
      continue;
    }
    const ai = AREA_ORDER.indexOf(a as (typeof AREA_ORDER)[number]);
    const bi = AREA_ORDER.indexOf(b as (typeof AREA_ORDER)[number]);
    if (bi === -1) {
      if ((CORE as readonly string[]).includes(b) && ai !== -1) continue;
      if ((CORE as readonly string[]).includes(b) && (CORE as readonly string[]).includes(a)) continue;
      if (b === 'lib') continue;
      if (ai !== -1) problems.push(`${from} → ${to}: an area uses only core parts, libraries and earlier areas`);
      continue;
    }
    if (ai === -1) {
      if ((CORE as readonly string[]).includes(a)) problems.push(`${from} → ${to}: core parts know no area`);
      continue;
    }
    if (bi >= ai) problems.push(`${from} → ${to}: ${a} may not use ${b} (order: ${AREA_ORDER.join(' ← ')})`);
    else if (!isPublicSurface(to, b)) problems.push(`${from} → ${to}: use ${b} through its port or domain, not its inner files`);
  }
  return problems;
}

/** Area-level cycles in the import graph (a → b → … → a), each as a path. */
export function areaCycles(edges: ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = topFolder(from);
    const b = topFolder(to);
    if (a === null || b === null || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
