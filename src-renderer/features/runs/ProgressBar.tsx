import type { SweepProgress } from '../../../src-shared/contract';
import { STATUS_COLORS } from '../../theme';

const ORDER = ['finished', 'failed', 'cancelled', 'running', 'paused', 'queued'] as const;

/** Stacked bar of game states; aria-valuenow is the percentage of games done. */
export function ProgressBar({ progress, label }: { progress: SweepProgress; label: string }) {
  const total = Math.max(progress.total, 1);
  const percent = Math.round((100 * progress.done) / total);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={`progress-${progress.sweepId}`}
    >
      {ORDER.map((status) =>
        progress.counts[status] > 0 ? (
          <span
            key={status}
            className={`seg seg-${status}`}
            style={{
              width: `${(100 * progress.counts[status]) / total}%`,
              background: STATUS_COLORS[status],
            }}
            title={`${status}: ${progress.counts[status]}`}
          />
        ) : null,
      )}
    </div>
  );
}
