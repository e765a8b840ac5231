/**
 * docker/go-units as vendored by docker/cli v28.5.2 (vendor/github.com/docker/go-units):
 * `HumanDuration` (duration.go) and `HumanSizeWithPrecision` (size.go), plus the Go `%.*g`
 * formatting the latter relies on.
 */

/** units.HumanDuration: the "5 seconds" / "About a minute" / "3 weeks" of ps CREATED and STATUS. */
export function humanDuration(ms: number): string {
  const secondsF = ms / 1000;
  const seconds = Math.trunc(secondsF);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(secondsF / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // `int(d.Hours() + 0.5)`: hours are rounded, not truncated.
  const hoursF = secondsF / 3600;
  const hours = Math.trunc(hoursF + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(hoursF) / 24 / 365)} years`;
}

/**
 * Go's fmt `%.<precision>g` for a finite float: shortest of %e / %f at `precision` significant
 * digits, trailing zeros removed, exponent with at least two digits (`1e+03`).
 */
export function formatGoG(x: number, precision: number): string {
  if (x === 0) return '0';
  const p = Math.max(1, precision);
  const [mant = '0', expS = '0'] = x.toExponential(p - 1).split('e');
  const exp = Number(expS);
  const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) {
    const sign = exp < 0 ? '-' : '+';
    return `${trim(mant)}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return trim(x.toFixed(Math.max(0, p - 1 - exp)));
}

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** units.HumanSizeWithPrecision: decimal units, `%.*g` of the scaled size (`192MB`, `8.31MB`, `1.12GB`). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  let s = size;
  let i = 0;
  while (s >= 1000 && i < DECIMAL_ABBRS.length - 1) {
    s /= 1000;
    i++;
  }
  return `${formatGoG(s, precision)}${DECIMAL_ABBRS[i] ?? 'B'}`;
}

/** units.HumanSize (4 significant digits). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}
