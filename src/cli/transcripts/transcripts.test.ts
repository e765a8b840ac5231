import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transcript } from '../sim';

/**
 * Golden sessions: each `*.txt` here is a console session — `$ LINE` then the output the lab
 * must print, byte for byte. The first line may pin the seed: `# seed: 7`. Outputs were checked
 * against Docker 28.5's reference (../../shared/reference) when the golden was written.
 * `UPDATE_GOLDEN=1 npx vitest run src/cli/transcripts` rewrites them from the current code:
 * review the diff before committing.
 */
const DIR = new URL('.', import.meta.url).pathname;

function parse(text: string): { seed: number; lines: string[] } {
  const m = /^# seed: (\d+)\n/.exec(text);
  const lines = text.split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2));
  return { seed: m ? Number(m[1]) : 1, lines };
}

describe('golden transcripts', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, () => {
      const text = readFileSync(DIR + file, 'utf8');
      const { seed, lines } = parse(text);
      const header = text.startsWith('# seed:') ? text.slice(0, text.indexOf('\n') + 1) : '';
      const got = header + transcript(lines, seed);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(DIR + file, got);
      expect(got).toBe(text);
    });
  }
});
