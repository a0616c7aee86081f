import { describe, expect, it } from 'vitest';
import { agentName, fmt, fmtCI, fmtCount, fmtDuration, fmtRate, fmtUsd } from './format';

describe('format', () => {
  it('writes a CI as "mean [lo, hi]" and degrades without one', () => {
    expect(fmtCI(0.4234, 0.31, 0.555)).toBe('0.42 [0.31, 0.56]');
    expect(fmtCI(12.25, null, null, 1)).toBe('12.3');
    expect(fmtCI(null, 1, 2)).toBe('–');
  });
  it('formats durations, counts, money and rates', () => {
    expect([fmtDuration(null), fmtDuration(42), fmtDuration(75), fmtDuration(7300)]).toEqual([
      '–',
      '0:42',
      '1:15',
      '2:01:40',
    ]);
    expect([fmtCount(999), fmtCount(12_345), fmtCount(3_456_789)]).toEqual([
      '999',
      '12.3k',
      '3.46M',
    ]);
    expect([fmtUsd(0), fmtUsd(0.004), fmtUsd(1.5)]).toEqual(['$0', '<$0.01', '$1.50']);
    expect([fmtRate(null), fmtRate(2.345), fmtRate(0.5)]).toEqual(['–', '2.3/s', '30.0/min']);
    expect([fmt(NaN), fmt(1, 0), agentName(0), agentName(-1)]).toEqual([
      '–',
      '1',
      'Agent_1',
      'Moderator',
    ]);
  });
});
