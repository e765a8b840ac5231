import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rule (ARCHITECTURE.md): ui → store → cli → engine, ui → graph → engine.
 * engine imports nothing of the app; cli imports only engine; neither touches the DOM, React,
 * D3, xterm or zustand, nor the wall clock or Math.random.
 */
const SRC = new URL('.', import.meta.url).pathname;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.testutil.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

const FORBIDDEN_PACKAGES = /^(react|react-dom|d3(-[a-z]+)?|@xterm\/[a-z-]+|zustand(\/.*)?)$/;

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

describe('layers', () => {
  for (const layer of ['engine', 'cli'] as const) {
    it(`${layer} imports no view library and no app layer above it`, () => {
      const bad: string[] = [];
      for (const f of files(join(SRC, layer))) {
        if (layer === 'cli' && f.endsWith('sim.ts')) continue; // the Node entry point may use node:fs
        for (const spec of imports(f)) {
          if (FORBIDDEN_PACKAGES.test(spec) || spec.startsWith('node:')) bad.push(`${relative(SRC, f)} → ${spec}`);
          if (spec.startsWith('.')) {
            const target = layerOf(join(f, '..', spec));
            const allowed = layer === 'engine' ? ['engine'] : ['cli', 'engine'];
            if (!allowed.includes(target)) bad.push(`${relative(SRC, f)} → ${spec}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });

    it(`${layer} uses no DOM, wall clock or Math.random`, () => {
      const bad: string[] = [];
      for (const f of files(join(SRC, layer))) {
        const text = readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
        if (/\b(document|window|localStorage)\./.test(text) || /Math\.random\(|Date\.now\(|new Date\(\)/.test(text)) bad.push(relative(SRC, f));
      }
      expect(bad).toEqual([]);
    });
  }

  it('graph imports only engine types and d3, store imports no view', () => {
    const bad: string[] = [];
    for (const f of files(join(SRC, 'graph'))) {
      for (const spec of imports(f)) {
        if (/^(react|react-dom|@xterm\/|zustand)/.test(spec)) bad.push(`${relative(SRC, f)} → ${spec}`);
        if (spec.startsWith('.') && !['graph', 'engine'].includes(layerOf(join(f, '..', spec)))) bad.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    for (const f of files(join(SRC, 'store'))) {
      for (const spec of imports(f)) {
        if (/^(react|react-dom|d3|@xterm\/)/.test(spec)) bad.push(`${relative(SRC, f)} → ${spec}`);
        if (spec.startsWith('.') && ['ui', 'graph'].includes(layerOf(join(f, '..', spec)))) bad.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
