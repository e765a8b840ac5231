/**
 * sortorder.NaturalLess (github.com/fvbommel/sortorder natsort.go, as vendored by docker/cli
 * v28.5.2): runs of digits compare as numbers, digits sort before other characters, other bytes
 * compare bytewise. Used by `docker network ls` (list.go) and `docker port` (port.go).
 */
import { utf8Bytes } from './gotemplate-fmt';

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Go strings are bytes: compare the UTF-8 encoding so non-ASCII sorts as Go sorts it. */
const bytes = utf8Bytes;

export function naturalLess(a: string, b: string): boolean {
  const s1 = bytes(a);
  const s2 = bytes(b);
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1] ?? 0;
    const c2 = s2[i2] ?? 0;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1; // digits before other characters
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    // Eat zeros, then the digits.
    while (i1 < s1.length && s1[i1] === 0x30) i1++;
    while (i2 < s2.length && s2[i2] === 0x30) i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1] ?? 0)) i1++;
    while (i2 < s2.length && isDigit(s2[i2] ?? 0)) i2++;
    const len1 = i1 - nz1;
    const len2 = i2 - nz2;
    if (len1 !== len2) return len1 < len2;
    for (let k = 0; k < len1; k++) {
      const x = s1[nz1 + k] ?? 0;
      const y = s2[nz2 + k] ?? 0;
      if (x !== y) return x < y;
    }
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}

/** A comparator for Array.prototype.sort built on naturalLess (stable for equal keys). */
export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
