// The two-party games' figures under the results heatmap: concession curves against one fixed
// opponent (pickable) and the matchup grid, the data of `parley figures` types "concession" and
// "matchup" (results:bargainFigures).
import { useEffect, useState, type ReactNode } from 'react';
import type { BargainFiguresResult } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import { EChart } from '../../components/EChart';
import { LoadState } from '../../components/Loading';
import { usePlatform } from '../../state/hooks';
import type { Loadable } from '../../state/types';
import { concessionOption, matchupOption } from './bargain-charts';
import { ExportFigure } from './ExportFigure';

export function BargainFigures({ sweepId, games }: { sweepId: string; games: number }) {
  const platform = usePlatform();
  const [opponent, setOpponent] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The answer with the request it answers: a newer request shows as loading until it arrives.
  const key = JSON.stringify([sweepId, opponent, games, attempt]);
  const [answer, setAnswer] = useState<{ key: string; value: Loadable<BargainFiguresResult> }>();

  useEffect(() => {
    let live = true;
    platform.api
      .invoke('results:bargainFigures', { sweepId, ...(opponent ? { opponent } : {}) })
      .then(
        (value) => live && setAnswer({ key, value: { state: 'ready', value } }),
        (err: unknown) =>
          live && setAnswer({ key, value: { state: 'error', error: errorMessage(err) } }),
      );
    return () => {
      live = false;
    };
    // `key` holds `games` (refetch as games finish) and `attempt` (a retry).
  }, [platform, sweepId, opponent, key]);
  const data: Loadable<BargainFiguresResult> =
    answer?.key === key ? answer.value : { state: 'loading' };

  return (
    <LoadState value={data} what="the concession curves" retry={() => setAttempt((a) => a + 1)}>
      {(r) => (
        <BargainPanels
          result={r}
          onOpponent={setOpponent}
          renderExport={(figure) => (
            <ExportFigure
              figure={figure}
              sweepId={sweepId}
              metric={figure === 'matchup' && r.matchup?.metric === 'round' ? 'round' : 'price'}
              capabilityMetric={null}
              {...(r.concession ? { opponent: r.concession.opponent } : {})}
            />
          )}
        />
      )}
    </LoadState>
  );
}

export function BargainPanels({
  result,
  onOpponent,
  renderExport,
}: {
  result: BargainFiguresResult;
  onOpponent: (id: string) => void;
  /** The export control under each chart (left out where no platform is at hand). */
  renderExport?: (figure: 'concession' | 'matchup') => ReactNode;
}) {
  const { concession, matchup, notes } = result;
  return (
    <>
      {notes.map((n) => (
        <p key={n} className="muted" data-testid="bargain-note">
          {n}
        </p>
      ))}
      {concession && (
        <section className="panel" aria-label="Concession curves" data-testid="concession-panel">
          <h2>
            Concession curves against {concession.opponent}
            <span className="muted small"> ({concession.games} games)</span>
          </h2>
          {concession.otherOpponents.length > 0 && (
            <label>
              Opponent
              <select value={concession.opponent} onChange={(e) => onOpponent(e.target.value)}>
                {[concession.opponent, ...concession.otherOpponents].sort().map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          )}
          <EChart
            option={concessionOption(concession)}
            height={340}
            testId="concession"
            label={`Offers over turns for every strategy against ${concession.opponent}`}
          />
          {renderExport?.('concession')}
        </section>
      )}
      {matchup && (
        <section className="panel" aria-label="Matchup grid" data-testid="matchup-panel">
          <h2>
            Matchups: {matchup.metricLabel.toLowerCase()} and deal rate, {matchup.roles[0]} x{' '}
            {matchup.roles[1]}
          </h2>
          <EChart
            option={matchupOption(matchup)}
            height={Math.max(200, 48 * matchup.rows.length + 80)}
            testId="matchup"
            label={`${matchup.metricLabel} and deal rate per pairing`}
          />
          {renderExport?.('matchup')}
        </section>
      )}
    </>
  );
}
