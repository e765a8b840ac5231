import { describe, expect, it } from 'vitest';
import { ashMessage, shouldRun, tokenize, type Pipeline, type TokenizeOptions } from './tokenize';

function cmds(line: string, opts?: TokenizeOptions): readonly Pipeline[] {
  const r = tokenize(line, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.commands;
}
function words(line: string, opts?: TokenizeOptions): readonly string[] {
  const c = cmds(line, opts);
  expect(c).toHaveLength(1);
  expect(c[0]?.stages).toHaveLength(1);
  return c[0]?.stages[0] ?? [];
}
function err(line: string) {
  const r = tokenize(line);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('tokenize: words and quoting', () => {
  it('splits on blanks', () => {
    expect(words('  docker   network\tls  ')).toEqual(['docker', 'network', 'ls']);
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(words(`docker ps --format='{{.Names}}\\t{{.Ports}}'`)).toEqual([
      'docker',
      'ps',
      '--format={{.Names}}\\t{{.Ports}}',
    ]);
    expect(words(`a"b c"'d e'f`)).toEqual(['ab cd ef']);
  });

  it('single quotes are literal (no escapes, no expansion)', () => {
    expect(words(`echo 'a\\b $HOME "x"'`, { env: () => 'H' })).toEqual(['echo', 'a\\b $HOME "x"']);
  });

  it('double quotes: \\" \\\\ \\$ \\` escapes; other backslashes are kept', () => {
    expect(words(`echo "say \\"hi\\" \\\\ \\$X \\\` \\t"`)).toEqual(['echo', 'say "hi" \\ $X ` \\t']);
  });

  it('backslash escapes outside quotes, and line continuation', () => {
    expect(words('echo a\\ b \\"c\\" d\\\ne')).toEqual(['echo', 'a b', '"c"', 'de']);
    expect(words('echo end\\')).toEqual(['echo', 'end\\']);
  });

  it('keeps empty quoted words', () => {
    expect(words(`docker run --name "" ''`)).toEqual(['docker', 'run', '--name', '', '']);
  });

  it('comments start only at the beginning of a word', () => {
    expect(words('echo a#b # comment here')).toEqual(['echo', 'a#b']);
    expect(cmds('# only a comment')).toEqual([]);
    expect(cmds('')).toEqual([]);
    expect(cmds('   ')).toEqual([]);
  });

  it('does not treat operators inside quotes as operators', () => {
    expect(words(`echo "a && b; c | d > e"`)).toEqual(['echo', 'a && b; c | d > e']);
  });

  it('handles a 20,000-character line quickly', () => {
    const long = 'x'.repeat(20000);
    const t0 = performance.now();
    expect(words(`echo '${long}' ${long}`)).toEqual(['echo', long, long]);
    const many = Array.from({ length: 4000 }, (_, i) => `w${i}`).join(' ');
    expect(words(many)).toHaveLength(4000);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('tokenize: lists and pipelines', () => {
  it('separates commands with ; && || & and newlines', () => {
    const c = cmds('docker network create a && docker run -d --net a nginx; echo done || echo no & x\ny');
    expect(c.map((p) => p.connector)).toEqual(['', '&&', ';', '||', '&', ';']);
    expect(c.map((p) => p.stages[0])).toEqual([
      ['docker', 'network', 'create', 'a'],
      ['docker', 'run', '-d', '--net', 'a', 'nginx'],
      ['echo', 'done'],
      ['echo', 'no'],
      ['x'],
      ['y'],
    ]);
    expect(c[3]?.background).toBe(true);
    expect(c[0]?.text).toBe('docker network create a');
  });

  it('shouldRun follows bash list semantics', () => {
    expect(shouldRun('', 1)).toBe(true);
    expect(shouldRun(';', 1)).toBe(true);
    expect(shouldRun('&&', 0)).toBe(true);
    expect(shouldRun('&&', 1)).toBe(false);
    expect(shouldRun('||', 0)).toBe(false);
    expect(shouldRun('||', 127)).toBe(true);
  });

  it('returns pipeline stages', () => {
    const c = cmds('docker ps -a | grep web | wc -l');
    expect(c[0]?.stages).toEqual([['docker', 'ps', '-a'], ['grep', 'web'], ['wc', '-l']]);
    expect(c[0]?.redirects).toEqual([[], [], []]);
  });

  it('parses redirections, with descriptors', () => {
    const c = cmds('docker logs web > out.txt 2>&1');
    expect(c[0]?.stages[0]).toEqual(['docker', 'logs', 'web']);
    expect(c[0]?.redirects[0]).toEqual([
      { fd: 1, op: '>', target: 'out.txt' },
      { fd: 2, op: '>&', target: '1' },
    ]);
    expect(cmds('cat < in >> log &>/dev/null')[0]?.redirects[0]).toEqual([
      { fd: 0, op: '<', target: 'in' },
      { fd: 1, op: '>>', target: 'log' },
      { fd: 1, op: '&>', target: '/dev/null' },
    ]);
    expect(cmds('echo 2 >x')[0]?.stages[0]).toEqual(['echo', '2']);
    expect(cmds('a |& b')[0]?.redirects[0]).toEqual([{ fd: 2, op: '>&', target: '1' }]);
  });

  it('a trailing comment does not end up in the pipeline text', () => {
    expect(cmds('docker ps   # list')[0]?.text).toBe('docker ps');
  });
});

describe('tokenize: expansions', () => {
  const env = (n: string): string | undefined => ({ HOME: '/root', X: 'a  b', Q: '0', E: '' })[n === '?' ? 'Q' : n];

  it('expands variables; unquoted results are field-split, quoted ones are not', () => {
    expect(words('echo $X "$X" ${HOME}/x $? $UNSET end', { env })).toEqual(['echo', 'a', 'b', 'a  b', '/root/x', '0', 'end']);
    expect(words('echo $E "" $E', { env })).toEqual(['echo', '']);
    expect(words('echo pre$X', { env })).toEqual(['echo', 'prea', 'b']);
    expect(words('echo $ a$ "$"', { env })).toEqual(['echo', '$', 'a$', '$']);
    expect(words('echo ${NOPE:-def} ${E:-d2} ${E-d3}x "${HOME:-no}"', { env })).toEqual(['echo', 'def', 'd2', 'x', '/root']);
  });

  it('expands ~ at word start', () => {
    expect(words('ls ~ ~/x a~', { env })).toEqual(['ls', '/root', '/root/x', 'a~']);
  });

  it('runs command substitutions through the callback and splits unquoted output', () => {
    const seen: string[] = [];
    const substitute = (c: string): string => {
      seen.push(c);
      return 'id1\nid2\n\n';
    };
    expect(words('docker rm -f $(docker ps -aq --filter "name=(x)")', { substitute })).toEqual([
      'docker',
      'rm',
      '-f',
      'id1',
      'id2',
    ]);
    expect(seen).toEqual(['docker ps -aq --filter "name=(x)"']);
    expect(words('echo "$(x)" `y`', { substitute })).toEqual(['echo', 'id1\nid2', 'id1', 'id2']);
    expect(words('echo $(x)')).toEqual(['echo']);
  });
});

describe('tokenize: errors (bash wording)', () => {
  it('unterminated single quote', () => {
    const e = err(`docker ps --format '{{.Names}}`);
    expect(e.message).toBe("bash: unexpected EOF while looking for matching `''");
    expect(e).toMatchObject({ kind: 'unterminated-quote', quote: "'", incomplete: true, exitCode: 2 });
  });

  it('unterminated double quote and backquote', () => {
    expect(err('echo "abc').message).toBe('bash: unexpected EOF while looking for matching `"\'');
    expect(err('echo `abc').message).toBe("bash: unexpected EOF while looking for matching ``'");
    expect(err('echo $(abc').message).toBe("bash: unexpected EOF while looking for matching `)'");
  });

  it('unexpected tokens', () => {
    expect(err('&& ls').message).toBe("bash: syntax error near unexpected token `&&'");
    expect(err('ls ; ; ls').message).toBe("bash: syntax error near unexpected token `;'");
    expect(err('| grep x').message).toBe("bash: syntax error near unexpected token `|'");
    expect(err('ls ;; x').message).toBe("bash: syntax error near unexpected token `;;'");
    expect(err('echo >').message).toBe("bash: syntax error near unexpected token `newline'");
    expect(err('echo > ;').message).toBe("bash: syntax error near unexpected token `;'");
    expect(err('ls &&').kind).toBe('unexpected-eof');
    expect(err('ls |').message).toBe('bash: syntax error: unexpected end of file');
  });

  it('a newline after && continues the list', () => {
    expect(cmds('a &&\nb').map((p) => p.connector)).toEqual(['', '&&']);
  });

  it('ash wording', () => {
    expect(ashMessage(err("echo 'x"))).toBe('sh: syntax error: unterminated quoted string');
    expect(ashMessage(err('&& x'))).toBe('sh: syntax error: unexpected "&&"');
  });
});
