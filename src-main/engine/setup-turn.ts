// The setup turn every protocol opens with (round 0): one agent's private briefing.
import type { TurnRecord } from '../../src-shared/game';

/** Agent `agent`'s setup turn (round 0, private), carrying `text`. */
export function setupTurn(agent: number, text: string): TurnRecord {
  return {
    round: 0,
    phase: 'setup',
    pass: 0,
    agent,
    attempt: 0,
    visibility: 'private',
    text,
    action: null,
    status: 'ok',
  };
}
