// Why a sweep's games are paused or failed: each stored reason with its game count and, where
// the reason alone does not say it, what to do. Shown under a sweep's counters on the Runs screen.
import { Fragment } from 'react';
import type { ReasonCount, SweepSummary } from '../../../src-shared/contract';

type State = 'paused' | 'failed';

const KIND = /^(offline|auth|budget): /;

/** The reason as stored, its kind (offline/auth/budget) in bold and `commands` as code. */
function ReasonText({ reason }: { reason: string }) {
  const kind = KIND.exec(reason);
  const parts = (kind ? reason.slice(kind[0].length) : reason).split('`');
  return (
    <span className="reason-text">
      {kind ? (
        <>
          <strong>{kind[1]}</strong>:{' '}
        </>
      ) : null}
      {parts.map((part, i) => (
        // Odd parts were between backticks; a backtick left unclosed stays as typed.
        <Fragment key={i}>
          {i % 2 === 0 ? part : i === parts.length - 1 ? `\`${part}` : <code>{part}</code>}
        </Fragment>
      ))}
    </span>
  );
}

/** What to do about a paused game, when its reason does not say it in terms of this screen. */
function Hint({
  reason,
  sweepStatus,
  onOpenKeys,
}: {
  reason: string;
  sweepStatus: SweepSummary['status'];
  onOpenKeys?: () => void;
}) {
  if (reason.startsWith('auth:')) {
    const where = onOpenKeys ? (
      <button type="button" className="link" onClick={onOpenKeys}>
        Models &amp; Keys
      </button>
    ) : (
      'Models & Keys'
    );
    return (
      <>
        {' '}
        <span className="hint">
          Store the key under {where}
          {sweepStatus === 'paused' ? ', then Resume.' : ': the waiting games resume on their own.'}
        </span>
      </>
    );
  }
  if (reason === 'cancelled by the user') {
    const text =
      sweepStatus === 'cancelled'
        ? 'Stopped when the sweep was cancelled.'
        : sweepStatus === 'paused'
          ? 'Stopped by Pause: Resume continues them from their last turn.'
          : 'Interrupted: they continue from their last turn when the sweep runs again.';
    return (
      <>
        {' '}
        <span className="hint">{text}</span>
      </>
    );
  }
  return null;
}

export function GameReasons({
  sweep,
  onOpenKeys,
}: {
  sweep: SweepSummary;
  onOpenKeys?: () => void;
}) {
  const p = sweep.progress;
  const groups: { state: State; total: number; reasons: ReasonCount[] }[] = [
    { state: 'paused', total: p.counts.paused, reasons: p.pausedReasons },
    { state: 'failed', total: p.counts.failed, reasons: p.failedReasons },
  ];
  const shown = groups.filter((g) => g.total > 0 && g.reasons.length > 0);
  if (shown.length === 0) return null;
  return (
    <ul className="reasons" aria-label="Why games are paused or failed" data-testid="reasons">
      {shown.map(({ state, total, reasons }) => {
        // Only the most frequent reasons travel; the rest are summed up.
        const other = total - reasons.reduce((n, r) => n + r.count, 0);
        return (
          <Fragment key={state}>
            {reasons.map((r) => (
              <li
                key={r.reason}
                className={`reason reason-${state}`}
                data-testid={`${state}-reason`}
              >
                <span className="reason-count">
                  {r.count} {state}
                </span>
                <span className="muted"> — </span>
                <ReasonText reason={r.reason} />
                {state === 'paused' ? (
                  <Hint reason={r.reason} sweepStatus={sweep.status} onOpenKeys={onOpenKeys} />
                ) : null}
              </li>
            ))}
            {other > 0 ? (
              <li className={`reason reason-${state}`} data-testid={`${state}-reason`}>
                <span className="reason-count">
                  {other} {state}
                </span>
                <span className="muted">
                  {' '}
                  — for other reasons (open Transcripts to see each game).
                </span>
              </li>
            ) : null}
          </Fragment>
        );
      })}
    </ul>
  );
}
