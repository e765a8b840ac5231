import { describe, expect, it } from 'vitest';
import { pathTween } from './mover';

describe('pathTween', () => {
  it('interpolates paths with the same commands number by number', () => {
    const f = pathTween('M0,0V10', 'M10,20V30');
    expect(f?.(0.5)).toBe('M5,10V20');
    expect(f?.(1)).toBe('M10,20V30');
  });

  it('refuses paths of different shapes', () => {
    expect(pathTween('M0,0V10', 'M0,0C1,1 2,2 3,3')).toBeNull();
  });
});
