/** RFC3339Nano in UTC as Go prints time.Time (trailing zeros of the fraction trimmed). */
export function rfc3339Nano(ms: number, nanosExtra: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-27T10:00:00.123Z
  const base = iso.slice(0, 19);
  const frac = (String(ms % 1000).padStart(3, '0') + String(nanosExtra % 1_000_000).padStart(6, '0')).replace(/0+$/, '');
  return frac ? `${base}.${frac}Z` : `${base}Z`;
}
