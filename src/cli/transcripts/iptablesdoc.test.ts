import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transcriptBlocks, type Block } from '../../engine/netfilter/transcripts.testutil';

/**
 * The iptables-*.txt goldens set up moby's iptablesdoc scenarios the way a user would at the
 * console. transcripts.test.ts checks each golden against the lab; this checks the golden's
 * `iptables -nvL --line-numbers -t T` and `iptables -S -t T` outputs against the listings moby's
 * integration test captured from a real 28.5.2 daemon
 * (shared/reference/transcripts/moby-iptablesdoc-v28.5.2-*.md), byte for byte: every block
 * the capture shows must be printed by the golden, and every such listing the golden prints must
 * equal the capture's. No packet moves in these sessions, so the counters must all be 0, as in
 * the capture (which zeroed them with `iptables -Z` before listing).
 */
const DIR = new URL('.', import.meta.url);
const CAPTURES = new URL('../../../../shared/reference/transcripts/', import.meta.url);
const SCENARIOS = ['new-daemon', 'usernet-portmap', 'usernet-portmap-noicc', 'usernet-portmap-noproxy', 'usernet-portmap-lo', 'usernet-internal', 'usernet-portmap-routed', 'usernet-portmap-natunprot'];

/** The golden's listings: command → output, for the two listing commands the capture used. */
function goldenListings(text: string): { kind: Block['kind']; table: string; text: string }[] {
  const out: { kind: Block['kind']; table: string; text: string }[] = [];
  const parts = text.split(/^\$ /m).slice(1);
  for (const p of parts) {
    const nl = p.indexOf('\n');
    const cmd = p.slice(0, nl);
    const body = p.slice(nl + 1);
    const m = /^iptables (-nvL --line-numbers|-S) -t (filter|nat|raw)$/.exec(cmd);
    if (m) out.push({ kind: m[1] === '-S' ? 'save' : 'list', table: m[2] ?? '', text: body });
  }
  return out;
}

describe('iptables goldens match the 28.5.2 captures', () => {
  for (const name of SCENARIOS) {
    const capture = transcriptBlocks(readFileSync(new URL(`moby-iptablesdoc-v28.5.2-${name}.md`, CAPTURES), 'utf8'));
    const golden = goldenListings(readFileSync(new URL(`iptables-${name}.txt`, DIR), 'utf8'));
    it(`${name}: the golden prints every listing the capture shows`, () => {
      const missing = capture.filter((b) => !golden.some((g) => g.kind === b.kind && g.table === b.table));
      expect(missing.map((b) => `${b.kind} ${b.table}`)).toEqual([]);
    });
    for (const g of golden) {
      const want = capture.find((b) => b.kind === g.kind && b.table === g.table);
      if (!want) continue;
      it(`${name}: iptables ${g.kind === 'list' ? '-nvL --line-numbers' : '-S'} -t ${g.table}`, () => {
        // The capture's blocks end with one newline (trailing empty lines of the markdown dropped).
        expect(g.text).toBe(want.text);
      });
    }
  }
});
