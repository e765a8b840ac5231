import { describe, expect, it } from 'vitest';
import { AlignRight, DOCKER_TABLE, Debug, DiscardEmptyColumns, displayWidth, renderTable, tabwrite } from './table';

describe('renderTable (docker tabwriter 10/1/3)', () => {
  it('reproduces the real `docker network ls` capture byte for byte', () => {
    // transcripts/issues-real-misc-outputs.md §1
    const expected = [
      'NETWORK ID     NAME          DRIVER    SCOPE',
      '20e3fe38ac56   bridge        bridge    local',
      '7f935ea017dd   host          host      local',
      '550a2b76d4ab   minikube      bridge    local',
      '2b0f04bf7325   none          null      local',
      'd1b1444e9a9f   pd24-bridge   bridge    local',
      '',
    ].join('\n');
    const rows = [
      ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
      ['20e3fe38ac56', 'bridge', 'bridge', 'local'],
      ['7f935ea017dd', 'host', 'host', 'local'],
      ['550a2b76d4ab', 'minikube', 'bridge', 'local'],
      ['2b0f04bf7325', 'none', 'null', 'local'],
      ['d1b1444e9a9f', 'pd24-bridge', 'bridge', 'local'],
    ];
    expect(renderTable(rows)).toBe(expected);
  });

  it('fresh daemon layout: NAME column is padded to the minimum width 10', () => {
    const out = renderTable([
      ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
      ['0123456789ab', 'bridge', 'bridge', 'local'],
    ]);
    expect(out).toBe('NETWORK ID     NAME      DRIVER    SCOPE\n0123456789ab   bridge    bridge    local\n');
  });

  it('prints the last column unpadded, but pads an empty tab-terminated cell (trailing spaces like docker)', () => {
    expect(renderTable([['A', 'B'], ['x', '']])).toBe('A         B\nx         \n');
  });

  it('header only (no rows)', () => {
    expect(renderTable([['CONTAINER ID', 'NAMES']])).toBe('CONTAINER ID   NAMES\n');
  });

  it('empty input', () => {
    expect(renderTable([])).toBe('');
  });
});

describe('tabwrite', () => {
  it('column blocks end at a line without tabs (it flushes)', () => {
    const out = tabwrite('a\tb\nlonger-cell-here\tc\nplain line\nx\ty\n', DOCKER_TABLE);
    expect(out).toBe(`a${' '.repeat(18)}b\nlonger-cell-here   c\nplain line\nx         y\n`);
  });

  it('column blocks: a column spans only consecutive lines that have a cell in it', () => {
    const out = tabwrite('a\tb\tc\naaaaaaaaaaaa\tb\nx\ty\tz\n', { ...DOCKER_TABLE, minwidth: 0, padding: 1 });
    // column 1 exists (as a tab-terminated cell) in lines 1 and 3 only; line 2 breaks the block.
    expect(out).toBe('a            b c\naaaaaaaaaaaa b\nx            y z\n');
  });

  it('text without trailing newline is flushed', () => {
    expect(tabwrite('a\tb', DOCKER_TABLE)).toBe('a         b');
  });

  it('counts display width: wide characters count 2', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('é')).toBe(1);
    expect(tabwrite('日本\tx\nab\ty\n', { ...DOCKER_TABLE, minwidth: 0, padding: 1 })).toBe('日本 x\nab   y\n');
  });

  it('pads with tabs when padchar is a tab', () => {
    expect(tabwrite('a\tb\nccccccccc\td\n', { minwidth: 0, tabwidth: 8, padding: 1, padchar: '\t' })).toBe(
      'a\t\tb\nccccccccc\td\n',
    );
  });

  it('AlignRight, Debug and DiscardEmptyColumns flags (only \\v-terminated empty cells are discardable)', () => {
    expect(tabwrite('a\tb\nccc\td\n', { minwidth: 0, tabwidth: 1, padding: 1, padchar: ' ', flags: AlignRight })).toBe(
      '   ab\n cccd\n',
    );
    expect(tabwrite('a\tb\n', { minwidth: 0, tabwidth: 1, padding: 1, padchar: ' ', flags: Debug })).toBe('a |b\n');
    expect(
      tabwrite('a\t\vb\n', { minwidth: 2, tabwidth: 1, padding: 1, padchar: '.', flags: DiscardEmptyColumns }),
    ).toBe('a.b\n');
  });

  it('handles many rows quickly', () => {
    const rows = [['ID', 'NAME']];
    for (let i = 0; i < 5000; i++) rows.push([`id${i}`, `name-${i}`]);
    const out = renderTable(rows);
    expect(out.split('\n')).toHaveLength(5002);
  });
});
