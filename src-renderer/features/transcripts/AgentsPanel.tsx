// Each seat: who sat there, its private preferences (marked private) and its final utility.
import type { Transcript } from '../../../src-shared/contract';
import { agentName, fmt } from '../../lib/format';
import { PersonaLine } from './PersonaLine';

export function AgentsPanel({ transcript }: { transcript: Transcript }) {
  const { game, preferences, outcome } = transcript;
  return (
    <div className="agents" data-testid="agents-panel">
      {game.participants.map((p, i) => {
        const pref = preferences.find((x) => x.agent === i);
        const isFocal = p.id === game.focalId;
        return (
          <section key={i} className="agent-card" aria-label={agentName(i)}>
            <h3>
              {agentName(i)} <span className="muted">{p.label}</span>
              {isFocal && <span className="pill pill-focal">focal</span>}
            </h3>
            <div className="muted small">
              {p.detail}
              {p.capability !== null ? ` · capability ${fmt(p.capability, 2)}` : ''}
            </div>
            <PersonaLine persona={p.persona} />
            {pref && (
              <p className="pref private" title="Private: only this agent knew it">
                <span className="private-tag">private</span> {pref.text}
              </p>
            )}
            <div className="utility" data-testid={`utility-${i}`}>
              {outcome ? (
                <>
                  utility <strong className="num">{fmt(outcome.utilities[i], 1)}</strong>
                  {outcome.deal && outcome.round !== null && outcome.round > 1 && (
                    <span className="muted"> (raw {fmt(outcome.rawUtilities[i], 1)})</span>
                  )}
                </>
              ) : (
                <span className="muted">no outcome yet</span>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
