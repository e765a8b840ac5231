import { describe, expect, it } from 'vitest';
import { TEXT_TOOLS, lines } from './textTools';

const { head, tail, sort, uniq } = TEXT_TOOLS;
const ls = ['NETWORK ID     NAME      DRIVER    SCOPE', '8503403bf89c   bridge    bridge    local', 'b1730042922a   host      host      local', 'bdc7577d9e02   none      null      local'].join('\n') + '\n';

describe('head and tail', () => {
  it('take counts as coreutils does: -n N, -N, head -n -N, tail -n +N', () => {
    const t = 'a\nb\nc\nd\n';
    expect(head(['-n', '2'], t).out).toBe('a\nb\n');
    expect(head(['-1'], t).out).toBe('a\n');
    expect(head(['-n', '-1'], t).out).toBe('a\nb\nc\n');
    expect(tail(['-n', '+2'], t).out).toBe('b\nc\nd\n');
    expect(tail(['-2'], t).out).toBe('c\nd\n');
    expect(tail(['-n3'], t).out).toBe('b\nc\nd\n');
    expect(head(['-n', 'x'], t)).toEqual({ out: '', err: "head: invalid number of lines: ‘x’\nTry 'head --help' for more information.\n", exitCode: 1 });
  });
});

describe('sort', () => {
  it('sorts by bytes (C locale), by key fields, numerically, reversed and unique', () => {
    expect(sort([], ls).out.split('\n')[0]).toBe('8503403bf89c   bridge    bridge    local');
    // Without -b a field keeps its leading blanks: '   bridge' sorts before the header's ' ID'.
    expect(lines(sort(['-k2'], ls).out).map((l) => l.split(/\s+/)[1])).toEqual(['bridge', 'host', 'none', 'ID']);
    expect(lines(sort(['-b', '-k2'], ls).out).map((l) => l.split(/\s+/)[1])).toEqual(['ID', 'bridge', 'host', 'none']);
    expect(sort(['-k', '2,2'], 'x b\ny a\n').out).toBe('y a\nx b\n');
    expect(sort(['-t', ':', '-k2n'], 'a:10\nb:9\nc:100\n').out).toBe('b:9\na:10\nc:100\n');
    expect(sort(['-rn'], '2\n10\n1\n').out).toBe('10\n2\n1\n');
    expect(sort(['-u'], 'b\na\nb\n').out).toBe('a\nb\n');
    expect(sort(['-z'], 'a\n').err).toMatch(/^sort: invalid option -- 'z'/);
  });
});

describe('uniq', () => {
  it('collapses adjacent repeats and counts them like coreutils', () => {
    expect(uniq([], 'a\na\nb\na\n').out).toBe('a\nb\na\n');
    expect(uniq(['-c'], 'a\na\nb\n').out).toBe('      2 a\n      1 b\n');
    expect(uniq(['-d'], 'a\na\nb\n').out).toBe('a\n');
    expect(uniq(['-u'], 'a\na\nb\n').out).toBe('b\n');
  });
});
