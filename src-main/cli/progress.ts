// Progress display for long runs: a live bar on a terminal, periodic plain lines otherwise
// (CI logs, SLURM output files), so every run shows games done/total, rate and ETA.
import cliProgress from 'cli-progress';
import type { SweepProgress } from '../sweeps/service';

export interface ProgressView {
  update(p: SweepProgress): void;
  stop(): void;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function progressLine(p: SweepProgress): string {
  const parts = [`${p.done}/${p.total} games`];
  if (p.counts.running > 0) parts.push(`${p.counts.running} running`);
  if (p.counts.paused > 0) parts.push(`${p.counts.paused} paused`);
  if (p.counts.failed > 0) parts.push(`${p.counts.failed} failed`);
  parts.push(p.ratePerSec === null ? '-- games/s' : `${p.ratePerSec.toFixed(1)} games/s`);
  // Every game the run holds is waiting: say for what, not a meaningless ETA.
  parts.push(p.pausedBecause ? `paused, ${p.pausedBecause}` : `ETA ${formatEta(p.etaSec)}`);
  if (p.costUsd > 0) parts.push(`$${p.costUsd.toFixed(4)}`);
  return parts.join(' | ');
}

export function createProgressView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: ' {bar} {percentage}% | {detail}', hideCursor: true, stream, barsize: 30 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) {
          bar.start(p.total, p.done, { detail: progressLine(p) });
          started = true;
        }
        bar.setTotal(p.total);
        bar.update(p.done, { detail: progressLine(p) });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastAt = 0;
  let last = '';
  return {
    update(p) {
      const now = Date.now();
      const line = progressLine(p);
      if ((now - lastAt >= 2000 || p.done === p.total) && line !== last) {
        stream.write(`progress: ${line}\n`);
        lastAt = now;
        last = line;
      }
    },
    stop() {},
  };
}
