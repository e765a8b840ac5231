import { describe, expect, it } from 'vitest';
import { formatGoG, humanDuration, humanSizeWithPrecision } from './goUnits';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (go-units duration.go)', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    // hours are rounded: 1h30m is "2 hours", 1h29m "About an hour"
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'],
    [47 * H, '47 hours'],
    [48 * H, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('HumanSizeWithPrecision (decimal units, %.3g)', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [8_310_000, '8.31MB'],
    [4_430_000, '4.43MB'],
    [78_100_000, '78.1MB'],
    [192_000_000, '192MB'],
    [1_120_000_000, '1.12GB'],
    [4_400_000, '4.4MB'],
    // Go's %g switches to an exponent when rounding reaches the precision.
    [999_900_000, '1e+03MB'],
  ])('%d bytes → %s', (n, text) => {
    expect(humanSizeWithPrecision(n, 3)).toBe(text);
  });

  it('formats like fmt %.*g', () => {
    expect(formatGoG(0.0001234, 3)).toBe('0.000123');
    expect(formatGoG(0.00001234, 3)).toBe('1.23e-05');
    expect(formatGoG(123456, 4)).toBe('1.235e+05');
    expect(formatGoG(12.5, 4)).toBe('12.5');
  });
});
