import { describe, expect, it } from 'vitest';
import { LESSONS } from './index';
import { playScenario } from './scenario/play';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTopology } from '../engine/topology';
import type { World } from '../engine/world';
import { t, type Lang } from '../i18n';
import { inspectorModel } from '../ui/inspector/inspectorModel';
import { parseScenario, type Scenario } from './scenario/schema';

/** scenarios/ at the project root: every *.json file is one scenario. */
const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;

function loadScenarios(): { file: string; scenario: Scenario }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, scenario: parseScenario(file, readFileSync(join(SCENARIO_DIR, file), 'utf8')) }));
}

/** The inspector's text as the panel shows it: title, rows (label and value), sections, commands. */
function inspectText(lang: Lang) {
  return (w: World, topo: ReturnType<typeof toTopology>, id: string): string => {
    const m = inspectorModel(w, topo, id);
    if (!m) return '';
    const rows = (rs: typeof m.rows) => rs.map((r) => `${t(lang, r.label)} ${r.value}`).join('\n');
    return [m.kind, m.title, rows(m.rows), ...m.sections.map((s) => `${s.title}\n${rows(s.rows)}`), ...m.commands].join('\n');
  };
}

/**
 * Every file in scenarios/ played headless. Run one with `npx vitest run src/lessons -t "TITLE"`.
 * The same files are played in the browser by e2e/scenarios.spec.ts.
 */
const all = loadScenarios();

describe('scenarios', () => {
  for (const { file, scenario } of all) {
    it(`${scenario.title} (${file})`, () => {
      const r = playScenario(scenario, inspectText(scenario.lang ?? 'en'));
      if (!r.ok) expect.fail(`${file}: ${r.message}`);
    });
  }

  it('every lesson has a reference solution that reaches "done"', () => {
    for (const l of LESSONS) {
      const sol = all.find((s) => s.file === `${l.id}.solution.json`);
      expect(sol, `scenarios/${l.id}.solution.json`).toBeDefined();
      expect(sol?.scenario.steps.at(-1)).toEqual({ expectLessonDone: true });
    }
  });
});
