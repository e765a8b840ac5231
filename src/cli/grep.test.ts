import { describe, expect, it } from 'vitest';
import { grep } from './grep';

const text = ['alpha', 'beta', '  "Networks": {', '    "bridge": {', '      "IPAddress": "172.17.0.2",', '    }', 'gamma', 'delta', 'Networks again'].join('\n') + '\n';

describe('grep', () => {
  it('prints context after, before and around, with -- between groups and N:/N- with -n', () => {
    expect(grep(['-A1', 'Networks'], text).out).toBe('  "Networks": {\n    "bridge": {\n--\nNetworks again\n');
    expect(grep(['-A', '1', 'Networks'], text).out).toBe(grep(['--after-context=1', 'Networks'], text).out);
    expect(grep(['-nB1', 'gamma'], text).out).toBe('6-    }\n7:gamma\n');
    expect(grep(['-C', '1', 'IPAddress'], text).out).toBe('    "bridge": {\n      "IPAddress": "172.17.0.2",\n    }\n');
    expect(grep(['-1', 'beta'], text).out).toBe('alpha\nbeta\n  "Networks": {\n');
  });

  it('counts, stays quiet, stops after -m, inverts, matches words, lines and fixed strings', () => {
    expect(grep(['-c', 'a'], text).out).toBe('5\n');
    expect(grep(['-q', 'beta'], text)).toEqual({ out: '', err: '', exitCode: 0 });
    expect(grep(['-q', 'zeta'], text).exitCode).toBe(1);
    expect(grep(['-m', '1', '-A', '1', 'Networks'], text).out).toBe('  "Networks": {\n    "bridge": {\n');
    expect(grep(['-vc', 'a'], text).out).toBe('4\n');
    expect(grep(['-w', 'bet'], text).exitCode).toBe(1);
    expect(grep(['-x', 'beta'], text).out).toBe('beta\n');
    expect(grep(['-F', '172.17.0.2'], 'x 172.17.0.2\nx 172a17b0c2\n').out).toBe('x 172.17.0.2\n');
    expect(grep(['-e', 'alpha', '-e', 'delta'], text).out).toBe('alpha\ndelta\n');
    expect(grep(['-io', 'NETWORKS'], text).out).toBe('Networks\nNetworks\n');
    expect(grep(['--color=auto', 'gamma'], text).out).toBe('gamma\n');
  });

  it('treats + ? | ( ) literally in basic expressions and as operators with -E', () => {
    expect(grep(['a+'], 'a+\naa\n').out).toBe('a+\n');
    expect(grep(['-E', 'a+'], 'a+\naa\nb\n').out).toBe('a+\naa\n');
    expect(grep(['alpha\\|delta'], text).out).toBe('alpha\ndelta\n');
  });

  it('refuses what grep refuses, in its words', () => {
    expect(grep(['-z', 'x'], text)).toEqual({ out: '', err: "grep: invalid option -- 'z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
    expect(grep(['-A', 'x', 'y'], text)).toEqual({ out: '', err: 'grep: x: invalid context length argument\n', exitCode: 2 });
    expect(grep(['--frobnicate', 'y'], text).err).toMatch(/^grep: unrecognized option '--frobnicate'\n/);
    expect(grep([], text)).toEqual({ out: '', err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 });
    expect(grep(['-A'], text).err).toMatch(/^grep: option requires an argument -- 'A'\n/);
    expect(grep(['-E', '('], text)).toEqual({ out: '', err: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
  });
});
