// A seat's persona in the reader's participant cards: the preset's name (or "free text") and the
// text the agent was sent with every prompt.
import type { ParticipantView } from '../../../src-shared/contract';

export function PersonaLine({ persona }: { persona: ParticipantView['persona'] }) {
  if (!persona) return null;
  return (
    <div
      className="persona small"
      data-testid="persona"
      title="Style instruction sent to this agent"
    >
      <span className="pill">persona: {persona.preset ?? 'free text'}</span>{' '}
      <span className="muted">“{persona.text}”</span>
    </div>
  );
}
