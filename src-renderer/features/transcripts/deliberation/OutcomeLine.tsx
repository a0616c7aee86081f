// The game's result in one line: p1's final deal and whether it passes, the first passing deal,
// and the feasibility count (how many of all deals pass), from the scored deals of the view.
import type { DeliberationView } from '../../../../src-shared/contract';

export function OutcomeLine({
  view,
  onJump,
}: {
  view: DeliberationView;
  onJump: (turn: number) => void;
}) {
  const last = view.schedule.length;
  const final = view.deals.find((d) => d.turn === last) ?? null;
  // p1's opening is the folder's initial deal, not a proposal (as the published metrics count).
  const firstPassing = view.deals.find((d) => d.turn > 1 && d.passes) ?? null;
  const f = view.feasibility;
  return (
    <div className="delib-outcome" data-testid="delib-outcome">
      <span>
        Final deal{' '}
        {final ? (
          <>
            <code>{final.deal}</code>{' '}
            <span className={`pill ${final.passes ? 'pill-passes' : 'pill-fails'}`}>
              {final.passes ? 'passes' : 'does not pass'}
            </span>
          </>
        ) : (
          <span className="muted">not made yet</span>
        )}
      </span>
      <span>
        {firstPassing ? (
          <>
            first passing deal at{' '}
            <button
              type="button"
              className="link-button delib-jump"
              onClick={() => onJump(firstPassing.turn)}
            >
              turn {firstPassing.turn}
            </button>
          </>
        ) : (
          <span className="muted">no passing deal proposed</span>
        )}
      </span>
      {f && (
        <span className="muted">
          {f.passing.toLocaleString('en-US')} of {f.deals.toLocaleString('en-US')} possible deals
          pass ({f.unanimous.toLocaleString('en-US')} with every party)
        </span>
      )}
    </div>
  );
}
