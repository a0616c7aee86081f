// The turn schedule as a strip: who speaks at each turn (p1 opens and closes), with each played
// turn's deal marked passing or not; a click jumps to the turn.
import type { DeliberationView } from '../../../../src-shared/contract';
import { partyInitials } from './deliberation-turns';

export function TurnSchedule({
  view,
  onJump,
}: {
  view: DeliberationView;
  onJump: (turn: number) => void;
}) {
  const dealAt = new Map(view.deals.map((d) => [d.turn, d]));
  return (
    <nav className="delib-schedule" aria-label="Turn schedule" data-testid="schedule">
      <span className="chips-label">Turn schedule</span>
      <ol>
        {view.schedule.map((seat, i) => {
          const turn = i + 1;
          const party = view.parties[seat];
          const deal = dealAt.get(turn);
          const state = deal ? (deal.passes ? 'passes' : 'fails') : 'pending';
          const what = deal
            ? `${deal.deal}, ${deal.passes ? 'passes' : 'does not pass'}`
            : 'not played yet';
          return (
            <li key={turn}>
              <button
                type="button"
                className={`delib-slot delib-slot-${state}`}
                data-testid="schedule-slot"
                title={`Turn ${turn}: ${party?.name ?? seat} (${party?.role ?? ''}) · ${what}`}
                aria-label={`Turn ${turn}: ${party?.name ?? seat}, ${what}`}
                onClick={() => onJump(turn)}
              >
                <span className="delib-slot-no">{turn}</span>
                <span className="delib-slot-party">{party ? partyInitials(party.name) : seat}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <span className="muted small delib-legend">
        <span className="delib-key delib-slot-passes" /> deal passes{' '}
        <span className="delib-key delib-slot-fails" /> does not pass
      </span>
    </nav>
  );
}
