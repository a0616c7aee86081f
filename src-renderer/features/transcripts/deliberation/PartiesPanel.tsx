// The parties of a deliberation game: seat, role, incentive, who played it, its minimum and final
// score, and its private option scores (marked private).
import type { DeliberationView, Transcript } from '../../../../src-shared/contract';
import { agentName } from '../../../lib/format';

const ROLE_LABELS: Record<string, string> = {
  p1: 'p1 · opens and closes, veto',
  p2: 'p2 · veto',
  target: 'target',
  player: 'player',
};

export function PartiesPanel({
  view,
  transcript,
}: {
  view: DeliberationView;
  transcript: Transcript;
}) {
  const { game } = transcript;
  // The focal party is the first seat of the focal model (as the store records focal_seat).
  const focalSeat = game.participants.findIndex((p) => p.id === game.focalId);
  return (
    <div className="agents delib-parties" data-testid="parties-panel">
      {view.parties.map((p) => {
        const player = game.participants[p.seat];
        const isFocal = p.seat === focalSeat;
        const prompt = transcript.turns.find((t) => t.phase === 'setup' && t.agent === p.seat);
        const final = view.finalScores?.[p.seat] ?? null;
        return (
          <section
            key={p.seat}
            className="agent-card"
            aria-label={p.name}
            data-testid={`party-${p.seat}`}
          >
            <h3>
              {p.name}
              {isFocal && <span className="pill pill-focal">focal</span>}
            </h3>
            <div className="delib-tags">
              <span className={`pill pill-role-${p.role}`} title={ROLE_LABELS[p.role] ?? p.role}>
                {p.role}
              </span>
              <span className={`pill pill-incentive-${p.incentive}`}>
                {p.incentive.replace('_', ' ')}
              </span>
            </div>
            <div className="muted small">
              {agentName(p.seat)} · {player ? `${player.label} (${player.detail})` : 'unknown'}
            </div>
            <div className="utility">
              minimum <strong className="num">{p.minimum}</strong>
              {final !== null && (
                <>
                  {' '}
                  · final score <strong className="num">{final}</strong>
                </>
              )}
            </div>
            <details className="pref private" data-testid={`scores-${p.seat}`}>
              <summary>
                <span className="private-tag" title="Only this party knew them">
                  private
                </span>{' '}
                option scores
              </summary>
              <table className="delib-score-grid">
                <tbody>
                  {view.issues.map((issue, k) => (
                    <tr key={issue.letter}>
                      <th scope="row">{issue.letter}</th>
                      {p.scores[k].map((s, o) => (
                        <td key={o} className="num" title={`${issue.letter}${o + 1}`}>
                          {s}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            {prompt && (
              <details className="pref private">
                <summary>
                  <span className="private-tag" title="Only this party saw it">
                    private
                  </span>{' '}
                  instructions sent
                </summary>
                <div className="text delib-prompt">{prompt.text}</div>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
