// The score-leakage judge's leak rates of a deliberation sweep (per party and per speaking
// model), from results:leaks: the numbers `parley analyze --view leaks` prints.
import { useEffect, useState } from 'react';
import type { LeakRateRow, LeakReport } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import { LoadState } from '../../components/Loading';
import { fmt } from '../../lib/format';
import { usePlatform } from '../../state/hooks';
import type { Loadable } from '../../state/types';
import './leak-rates.css';

function RateTable({ rows, first }: { rows: LeakRateRow[]; first: 'Party' | 'Model' }) {
  return (
    <table className="grid compact" data-testid={`leaks-by-${first.toLowerCase()}`}>
      <caption>{first === 'Party' ? 'Per party' : 'Per speaking model'}</caption>
      <thead>
        <tr>
          <th>Judge</th>
          <th>{first}</th>
          {first === 'Party' && <th>Played by</th>}
          <th className="num">Judged</th>
          <th className="num">Leaked</th>
          <th className="num">Not leaked</th>
          <th className="num">Unreadable</th>
          <th className="num">Leak rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.judgeId}/${r.party ?? ''}/${r.speaker}`}>
            <td>{r.judgeId}</td>
            <td>{r.party ?? r.speaker}</td>
            {first === 'Party' && <td>{r.speaker}</td>}
            <td className="num">{r.judged}</td>
            <td className="num">{r.leaked}</td>
            <td className="num">{r.notLeaked}</td>
            <td className="num">{r.parseFailures}</td>
            <td className="num">{r.leakRate === null ? '–' : fmt(r.leakRate, 3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LeakRates({ sweepId, finished }: { sweepId: string; finished: number }) {
  const { api } = usePlatform();
  const [report, setReport] = useState<Loadable<LeakReport>>({ state: 'loading' });
  useEffect(() => {
    // A reload as games finish keeps the shown report until the new one arrives; another sweep
    // mounts a new component (keyed by sweep), so no report is shown for the wrong sweep.
    let live = true;
    api
      .invoke('results:leaks', { sweepId })
      .then((value) => live && setReport({ state: 'ready', value }))
      .catch((err: unknown) => live && setReport({ state: 'error', error: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [api, sweepId, finished]);
  return (
    <section className="panel leak-rates" aria-label="Score leakage" data-testid="leak-rates">
      <h2>
        Score leakage{' '}
        <span className="muted small">
          leaked / (leaked + not leaked) of the judged public answers
        </span>
      </h2>
      <LoadState value={report} what="the leak rates">
        {(r) =>
          r.byParty.length === 0 ? (
            <p className="muted">
              No answers judged yet. Run <code>parley judge &lt;sweep&gt; --model M</code> to ask a
              judge model whether each public answer reveals its speaker&apos;s private scores.
            </p>
          ) : (
            <>
              <RateTable rows={r.byParty} first="Party" />
              <RateTable rows={r.byModel} first="Model" />
            </>
          )
        }
      </LoadState>
    </section>
  );
}
