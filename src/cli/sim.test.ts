import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { transcript } from './sim';

const LINES = ['docker run -d --name web -p 8080:80 nginx', 'docker network create n1', 'docker run -dit --network n1 alpine', 'docker ps', 'ip link', 'iptables -t nat -S'];

describe('the headless console', () => {
  it('replays byte for byte for the same seed, and draws other ids for another', () => {
    const a = transcript(LINES, 5);
    expect(transcript(LINES, 5)).toBe(a);
    expect(transcript(LINES, 6)).not.toBe(a);
    expect(a).toContain('$ docker ps\n');
    expect(a).not.toMatch(/\u001b\[/); // no colour codes
  });

  it('runs as `npm run sim -- --seed N`, reading lines on stdin', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--seed', '5'], { input: `${LINES.join('\n')}\n`, encoding: 'utf8' });
    expect(out).toBe(transcript(LINES, 5));
  }, 30_000);
});
