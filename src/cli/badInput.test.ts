import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../engine/createWorld';
import type { World } from '../engine/world';
import { runLine } from './runLine';
import type { Shell } from './types';

/**
 * Bad input never breaks the lab: whatever a student types, the answer is text in a tool's own
 * words (no stack trace, `undefined`, `NaN`, `[object Object]`), and a line that fails leaves
 * everything they built as it was.
 */
const host: Shell = { at: 'host' };

function built(): World {
  let w = createWorld(9);
  for (const line of ['docker run -d --name web -p 8080:80 nginx', 'docker network create net1', 'docker run -dit --name a --network net1 alpine']) {
    w = runLine(w, host, line).world;
  }
  return w;
}

/** Everything but the clock, which moves with every line like a real one. */
function state(w: World): unknown {
  return { ...w, clock: 0 };
}

const BAD = /undefined|NaN|\[object Object\]|TypeError|ReferenceError|at [A-Za-z]+ \(|\bnull\b(?!\})/;

describe('bad input', () => {
  const w0 = built();
  const words = fc.constantFrom('docker', 'run', 'network', 'create', 'rm', 'exec', 'inspect', 'ps', '-p', '--net', '-dit', '--name', 'web', 'a', 'nginx', 'alpine', ':', '80:', '::80', '-', '--', '"', "'", '\\', '$', '$(', '|', '&&', ';', '{{', '}}', '{{.Name}}', 'ip', 'addr', 'iptables', '-t', 'nat', '-L', 'ping', 'curl', 'exit', 'ssh', '\u0000', '中文', '-P', '--rm', '-e', 'A=1', 'container:web', 'host', 'none');
  it('never answers with a crash or a broken value', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (ws) => {
        const line = ws.join(' ');
        let r;
        try {
          r = runLine(w0, host, line);
        } catch (e) {
          throw new Error(`"${line}" threw: ${String(e)}`);
        }
        const text = r.out.map((o) => o.text).join('');
        // JSON output legitimately contains null; only look at non-JSON answers.
        if (!text.trimStart().startsWith('[') && !text.trimStart().startsWith('{')) expect(text, line).not.toMatch(BAD);
      }),
      { numRuns: 400 },
    );
  });

  it('a failing command leaves the world as it was', () => {
    for (const line of ['docker run -p abc nginx', 'docker run --name web nginx', 'docker network create net1', 'docker rm web', 'docker network rm bridge', 'docker run --foo nginx', 'docker frob', 'ip link del eth0', "echo 'oops", 'docker run -d --network container:nope alpine']) {
      const r = runLine(w0, host, line);
      expect(r.exitCode, line).not.toBe(0);
      expect(state(r.world), line).toEqual(state(w0));
    }
  });

  it('answers a 20,000-character line quickly and in the tool\'s words', () => {
    const long = `docker run --name ${'x'.repeat(20000)}! alpine`;
    const r = runLine(w0, host, long);
    expect(r.exitCode).not.toBe(0);
    expect(r.out.map((o) => o.text).join('')).toContain('Invalid container name');
    const junk = runLine(w0, host, 'a'.repeat(20000));
    expect(junk.out.map((o) => o.text).join('')).toMatch(/^-bash: a+: command not found\n$/);
  });
});
