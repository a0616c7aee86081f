// Number and text formatting shared by every screen: sensible precision, "mean [lo, hi]".
import type { ResultMetric } from '../../src-shared/contract';

export const METRIC_LABELS: Record<ResultMetric, string> = {
  utility_focal: 'Focal utility (discounted)',
  utility_share: 'Focal share of total utility',
  deal_rate: 'Deal rate',
  agreement_round: 'Round of agreement',
};

/** Digits that suit a metric's scale. */
export function metricDigits(metric: ResultMetric): number {
  return metric === 'utility_focal' || metric === 'agreement_round' ? 1 : 2;
}

export function fmt(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

/** "0.42 [0.31, 0.55]"; the bare mean when there is no interval; "–" with no data. */
export function fmtCI(
  mean: number | null,
  lo: number | null,
  hi: number | null,
  digits = 2,
): string {
  if (mean === null || !Number.isFinite(mean)) return '–';
  if (lo === null || hi === null) return fmt(mean, digits);
  return `${fmt(mean, digits)} [${fmt(lo, digits)}, ${fmt(hi, digits)}]`;
}

/** 75 s -> "1m 15s"; null -> "–". */
export function fmtDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  // One clock format at every size (m:ss, then h:mm:ss), so a counting-down ETA keeps its units.
  const s = Math.max(0, Math.round(seconds));
  const ss = String(s % 60).padStart(2, '0');
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}:${ss}`;
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${ss}`;
}

/** 1234567 -> "1.23M"; small numbers stay exact. */
export function fmtCount(n: number): string {
  if (n < 10_000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}

export function fmtUsd(n: number): string {
  return n === 0 ? '$0' : n < 0.01 ? '<$0.01' : `$${n.toFixed(2)}`;
}

export function fmtRate(perSec: number | null): string {
  if (perSec === null || !Number.isFinite(perSec)) return '–';
  return perSec >= 1 ? `${perSec.toFixed(1)}/s` : `${(perSec * 60).toFixed(1)}/min`;
}

/** Agent_1, Agent_2, ... (0-based index); the moderator is -1. */
export function agentName(index: number): string {
  return index < 0 ? 'Moderator' : `Agent_${index + 1}`;
}
