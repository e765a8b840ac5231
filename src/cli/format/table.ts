/**
 * Docker's table layout: a port of docker/cli's fork of Go's text/tabwriter
 * (cli/command/formatter/tabwriter/tabwriter.go at v28.5.2, "Elastic Tabstops").
 *
 * Docker creates it as `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`
 * (cli/command/formatter/formatter.go `postFormat`): minwidth 10, tabwidth 1, padding 3,
 * pad with spaces, no flags. Semantics kept from upstream:
 * - a cell is text terminated by '\t' (or '\v'); the text after the last tab of a line is not
 *   part of any column and is written unpadded;
 * - column widths are computed per *column block* (consecutive lines that have a cell in that
 *   column); a line without any tab flushes the writer, so blocks never span it;
 * - an empty tab-terminated cell is still padded (so an empty last column leaves trailing spaces,
 *   exactly as docker prints them);
 * - the cell width is the terminal display width (docker's fork uses go-runewidth, not Go's rune
 *   count): East Asian wide characters count 2, combining marks 0. Our width table is a compact
 *   approximation of go-runewidth's (see `charWidth`).
 * Not ported: the 0xff Escape byte and FilterHTML (JS strings cannot carry the raw byte, and
 * docker never sets FilterHTML).
 */

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly tabwidth: number;
  readonly padding: number;
  /** A single character; '\t' pads with tabs (tabwidth-aligned). */
  readonly padchar: string;
  readonly flags?: number;
}

/** Flag bits, as in text/tabwriter. */
export const AlignRight = 4;
export const DiscardEmptyColumns = 8;
export const TabIndent = 16;
export const Debug = 32;

/** The writer docker uses for every `table` format. */
export const DOCKER_TABLE: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ', flags: 0 };

interface Cell {
  /** Text of the cell (Go keeps bytes in a shared buffer; we keep the string). */
  readonly text: string;
  /** Display width. */
  readonly width: number;
  /** Terminated by '\t' (not '\v'). */
  readonly htab: boolean;
}

/** Display width of one code point, approximating go-runewidth with EastAsianWidth=false. */
function charWidth(cp: number): number {
  if (cp === 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05bd) ||
    (cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) || (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** go-runewidth's StringWidth (approximation, see charWidth). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/**
 * Run `text` through a tabwriter with the given options and flush it, returning the output.
 * Equivalent to `w := NewWriter(...); w.Write(text); w.Flush()`.
 */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const flags = opts.flags ?? 0;
  const padchar = opts.padchar.length > 0 ? opts.padchar[0] ?? ' ' : ' ';
  const out: string[] = [];
  let lines: Cell[][] = [[]];
  let cellText = '';
  let widths: number[] = [];

  const writePadding = (textw: number, cellw: number, useTabs: boolean): void => {
    if (padchar === '\t' || useTabs) {
      if (opts.tabwidth === 0) return; // tabs have no width - can't do any padding
      const w = Math.ceil(cellw / opts.tabwidth) * opts.tabwidth;
      out.push('\t'.repeat(Math.ceil((w - textw) / opts.tabwidth)));
      return;
    }
    out.push(padchar.repeat(Math.max(0, cellw - textw)));
  };

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      let useTabs = (flags & TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && (flags & Debug) !== 0) out.push('|');
        const w = widths[j];
        if (c.text.length === 0) {
          if (w !== undefined) writePadding(c.width, w, useTabs);
        } else {
          useTabs = false;
          if ((flags & AlignRight) === 0) {
            out.push(c.text);
            if (w !== undefined) writePadding(c.width, w, false);
          } else {
            if (w !== undefined) writePadding(c.width, w, false);
            out.push(c.text);
          }
        }
      });
      // The last buffered line has no newline: write the pending (incomplete) cell instead.
      out.push(i + 1 === lines.length ? cellText : '\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= (lines[cur]?.length ?? 0) - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minwidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = lines[cur] ?? [];
        if (column >= line.length - 1) break;
        const c = line[column];
        if (c === undefined) break;
        width = Math.max(width, c.width + opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && (flags & DiscardEmptyColumns) !== 0) width = 0;
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  const flush = (): void => {
    if (cellText.length > 0) terminateCell(false);
    // After terminateCell the pending cell is empty, so writeLines' tail write is a no-op.
    format(0, lines.length);
    lines = [[]];
    cellText = '';
    widths = [];
  };

  function terminateCell(htab: boolean): number {
    const line = lines[lines.length - 1] ?? [];
    line.push({ text: cellText, width: displayWidth(cellText), htab });
    cellText = '';
    return line.length;
  }

  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
      cellText += text.slice(start, i);
      start = i + 1;
      const ncells = terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        lines.push([]);
        if (ch === '\f' || ncells === 1) {
          flush();
          if (ch === '\f' && (flags & Debug) !== 0) out.push('---\n');
        }
      }
    }
  }
  cellText += text.slice(start);
  flush();
  return out.join('');
}

/**
 * Render rows (the first is usually the header) the way docker's `table` formats do:
 * cells joined by tabs, one line per row, each line ending in '\n', through DOCKER_TABLE.
 */
export function renderTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), DOCKER_TABLE);
}
