// The jobs monitor: every sweep with live progress, rate, ETA, tokens and cost, why games are
// paused or failed, and its controls.
import { useState } from 'react';
import type { SweepSummary } from '../../../src-shared/contract';
import { GameList } from '../../components/GameList';
import { EmptyState } from '../../components/EmptyState';
import { SteadyButton } from '../../components/SteadyButton';
import { GameReasons } from './GameReasons';
import { LoadState } from '../../components/Loading';
import { ProgressBar } from './ProgressBar';
import { fmtCount, fmtDuration, fmtRate, fmtUsd } from '../../lib/format';
import { useApp } from '../../state/hooks';
import { useGameTitle } from '../design/use-game-title';

function phaseOf(s: SweepSummary): string {
  const { counts, total, done } = s.progress;
  if (s.status === 'cancelled') return 'cancelled';
  if (total > 0 && done === total) return counts.failed > 0 ? 'done with failures' : 'complete';
  // After Pause, running games finish their current turn before they stop.
  if (s.status === 'paused') return counts.running > 0 ? 'pausing' : 'paused';
  if (counts.running > 0) return 'running';
  return counts.paused > 0 ? 'waiting (paused games)' : 'queued';
}

function SweepRow({ sweep }: { sweep: SweepSummary }) {
  const control = useApp((s) => s.control);
  const navigate = useApp((s) => s.navigate);
  const isBusy = useApp((s) => s.busy.includes(sweep.id));
  const gameTitle = useGameTitle();
  const [showGames, setShowGames] = useState(false);
  const p = sweep.progress;
  const phase = phaseOf(sweep);
  const isFinal = phase === 'complete' || phase === 'cancelled';
  const isPaused = sweep.status === 'paused';
  return (
    <article
      className="sweep-row"
      data-testid={`sweep-${sweep.id}`}
      data-phase={phase}
      aria-label={sweep.name}
    >
      <div className="sweep-head">
        <h2>{sweep.name}</h2>
        <span className={`pill pill-${phase.split(' ')[0]}`}>{phase}</span>
        <span className="muted">
          {sweep.kind ? gameTitle(sweep.kind) : 'unknown game'} · {sweep.id.slice(0, 10)} ·{' '}
          {new Date(sweep.createdAt).toLocaleString()}
        </span>
      </div>
      <ProgressBar progress={p} label={`${sweep.name}: ${p.done} of ${p.total} games done`} />
      <dl className="stats">
        <div>
          <dt>done</dt>
          <dd className="num" data-testid="done-count">
            {p.done}/{p.total}
          </dd>
        </div>
        <div>
          <dt>running</dt>
          <dd className="num">{p.counts.running}</dd>
        </div>
        <div>
          <dt>queued</dt>
          <dd className="num">{p.counts.queued}</dd>
        </div>
        <div>
          <dt>paused</dt>
          <dd className="num">{p.counts.paused}</dd>
        </div>
        <div>
          <dt>failed</dt>
          <dd className={`num ${p.counts.failed > 0 ? 'bad' : ''}`}>{p.counts.failed}</dd>
        </div>
        <div>
          <dt>rate</dt>
          <dd className="num">{fmtRate(p.ratePerSec)}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd className="num" data-testid="eta">
            {phase === 'running' ? fmtDuration(p.etaSec) : '–'}
          </dd>
        </div>
        <div>
          <dt>tokens</dt>
          <dd className="num">{fmtCount(p.tokens)}</dd>
        </div>
        <div>
          <dt>cost</dt>
          <dd className="num">{fmtUsd(p.costUsd)}</dd>
        </div>
      </dl>
      <GameReasons sweep={sweep} onOpenKeys={() => navigate({ screen: 'models' })} />
      <div className="actions">
        {/* Steady buttons keep keyboard focus through a busy request and the sweep's end. Pause
            and Resume are one element, so focus stays on it when it turns from one to the other. */}
        <SteadyButton
          isUnavailable={isBusy || isFinal}
          onPress={() => void control(isPaused ? 'sweeps:resume' : 'sweeps:pause', sweep.id)}
        >
          {isPaused ? 'Resume' : 'Pause'}
        </SteadyButton>
        <SteadyButton
          isUnavailable={isBusy || isFinal}
          onPress={() => void control('sweeps:cancel', sweep.id)}
        >
          Cancel
        </SteadyButton>
        <SteadyButton
          isUnavailable={isBusy || p.counts.failed === 0}
          onPress={() => void control('sweeps:retryFailed', sweep.id)}
        >
          Retry failed ({p.counts.failed})
        </SteadyButton>
        <span className="spacer" />
        <button
          type="button"
          data-testid="toggle-games"
          aria-expanded={showGames}
          aria-controls={`games-${sweep.id}`}
          onClick={() => setShowGames(!showGames)}
        >
          {showGames ? 'Hide games' : `Games (${fmtCount(p.total)})`}
        </button>
        <button
          type="button"
          data-testid="open-results"
          onClick={() =>
            navigate({
              screen: 'results',
              sweepId: sweep.id,
              metric: 'utility_focal',
              capabilityMetric: null,
              cell: null,
            })
          }
        >
          Results
        </button>
        <button
          type="button"
          onClick={() => navigate({ screen: 'transcripts', gameId: null, sweepId: sweep.id })}
        >
          Transcripts
        </button>
      </div>
      {showGames && (
        <div id={`games-${sweep.id}`}>
          <GameList sweepId={sweep.id} />
        </div>
      )}
    </article>
  );
}

function Providers() {
  const providers = useApp((s) => s.providers);
  const list = Object.values(providers);
  if (list.length === 0) return <p className="muted">Providers: no problems reported.</p>;
  return (
    <ul className="providers" aria-label="Provider status">
      {list.map((p) => (
        <li key={p.provider} className={`pill pill-${p.status}`}>
          {/* "<provider> batch" lines say which batches are in flight. */}
          {p.status === 'batch' ? (
            `${p.provider}: ${p.detail ?? ''}`
          ) : (
            <>
              {p.provider}: {p.status}
              {p.detail ? ` (${p.detail})` : ''}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function NewSweepButton() {
  const navigate = useApp((s) => s.navigate);
  return (
    <button type="button" onClick={() => navigate({ screen: 'design' })}>
      New sweep…
    </button>
  );
}

export function RunsScreen() {
  const sweeps = useApp((s) => s.sweeps);
  const loadSweeps = useApp((s) => s.loadSweeps);
  return (
    <LoadState value={sweeps} what="sweeps" retry={() => void loadSweeps()}>
      {(list) =>
        list.length === 0 ? (
          <EmptyState />
        ) : (
          <section className="runs" aria-label="Sweeps">
            <div className="screen-head">
              <h1>Runs</h1>
              <Providers />
              <span className="spacer" />
              <NewSweepButton />
            </div>
            {[...list].reverse().map((s) => (
              <SweepRow key={s.id} sweep={s} />
            ))}
          </section>
        )
      }
    </LoadState>
  );
}
