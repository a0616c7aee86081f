// A proposed deal with every party's score of it: reaching the party's minimum or not, and
// whether the deal passes (at least N - 1 agree, p1 and p2 among them).
import type { DeliberationView, ScoredDeal } from '../../../../src-shared/contract';

export function DealScores({ deal, view }: { deal: ScoredDeal; view: DeliberationView }) {
  const agreeing = deal.agrees.filter(Boolean).length;
  return (
    <div className="delib-deal" data-testid="deal" data-passes={deal.passes}>
      <div className="delib-deal-head">
        <code className="delib-deal-text">{deal.deal}</code>
        <span
          className={`pill ${deal.passes ? 'pill-passes' : 'pill-fails'}`}
          data-testid="deal-verdict"
        >
          {deal.passes ? 'passes' : 'does not pass'}
        </span>
        <span className="muted small">
          {agreeing} of {deal.agrees.length} reach their minimum
        </span>
      </div>
      <table className="grid compact delib-deal-scores">
        <thead>
          <tr>
            {view.parties.map((p) => (
              <th key={p.seat} scope="col" className="num" title={p.name}>
                {p.name}
                {p.role === 'p1' || p.role === 'p2' ? (
                  <span className="muted"> ({p.role})</span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {view.parties.map((p) => {
              const ok = deal.agrees[p.seat];
              return (
                <td
                  key={p.seat}
                  className={`num ${ok ? 'agree' : 'disagree'}`}
                  data-testid="deal-score"
                  aria-label={`${p.name}: ${deal.scores[p.seat]} of minimum ${p.minimum}, ${ok ? 'agrees' : 'below its minimum'}`}
                >
                  {ok ? '✓' : '✗'} {deal.scores[p.seat]}
                  <span className="muted"> / {p.minimum}</span>
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
