// The protocol seam (DESIGN 4). A protocol decides who is asked what, in which order, and when
// the game ends; the engine (GameSession) gives every protocol the same seats, transcript,
// commit-before-continue, resume-by-replay and abort handling, and the agents' providers give
// it the same call ledger and response cache.
//
// How a new protocol plugs in:
//  1. Add its name to PROTOCOLS in src-shared/game.ts, and any new transcript phase to the END
//     of PHASES there (phase positions are stored with every turn).
//  2. Define its actions: each an `Action` (engine/agent.ts) with a zod reply schema, the
//     system prefix and prompt an LLM is sent, its phase and output class, and a `wrap` rule
//     if a strategy may decide it for a strategy-wrapped LLM agent. LLM agents answer any action
//     through the same providers, cache and ledger; strategy agents dispatch on `action.kind`.
//  3. Implement `Protocol.play(session)`: ask for turns by slot (round, phase, pass, agent,
//     attempt) with `session.stored` / `session.attempts` / `session.simultaneous`, record them
//     with `session.record` / `session.moderate` (never call an agent for a slot already
//     committed), and return the GameOutcome. Everything a later turn depends on must be read
//     back from recorded turns, so a replayed prefix reproduces the rest exactly.
//  4. Register it in PROTOCOL_IMPLEMENTATIONS below and list it in the games that can be played
//     with it (GameDefinition.protocols); a sweep picks one with `protocol.name`.
import { gameProtocols, type GameDefinition } from '../../games/types';
import type { GameOutcome, ProtocolName, ProtocolParams } from '../../src-shared/game';
import { deliberationRounds } from './protocols/deliberation/protocol';
import { proposeAndVote } from './propose-vote/protocol';
import type { GameSession } from './session';

export interface Protocol {
  readonly name: ProtocolName;
  /** Play the session's game to its end; an AgentPausedError or Cancelled propagates. */
  play(session: GameSession): Promise<GameOutcome>;
}

const PROTOCOL_IMPLEMENTATIONS: Record<ProtocolName, Protocol> = {
  'propose-and-vote': proposeAndVote,
  deliberation: deliberationRounds,
};

/**
 * The protocol a game is played with: the one its protocol settings name, else the game's
 * default. Throws naming the game's protocols when the game cannot be played with it.
 */
export function protocolFor(game: GameDefinition, params: ProtocolParams): Protocol {
  const allowed = gameProtocols(game);
  const name = params.name ?? allowed[0];
  if (!allowed.includes(name)) {
    throw new Error(
      `${game.title} cannot be played with the ${name} protocol; it supports ${allowed.join(', ')}`,
    );
  }
  return PROTOCOL_IMPLEMENTATIONS[name];
}
