// Runs one game under its protocol (DESIGN 4) for n >= 2 agents. Every new turn goes through
// onTurn (the store commits it) before the game moves on; turns an interrupted run already
// committed are replayed by key instead of asking the agent again, so a resumed game produces
// exactly the transcript an uninterrupted one would have.
import type { GameOutcome, TurnRecord } from '../../src-shared/game';
import { AgentPausedError } from './agent';
import { protocolFor } from './protocol';
import { Cancelled, GameSession, type SessionOptions } from './session';

export { tally, acceptsNeeded, type TallyResult, type UniformSource } from './tally';
export { isUrgent, type TallyAction } from './moderator';
export type { VoteAction } from './propose-vote/protocol';

export type RunGameOptions = SessionOptions;

export type PauseReason = AgentPausedError['reason'];

/** `turns` is the transcript so far, replayed and new turns in order. */
export type RunGameResult =
  | { status: 'finished'; outcome: GameOutcome; turns: TurnRecord[] }
  | { status: 'paused'; reason: PauseReason; message: string; turns: TurnRecord[] }
  | { status: 'failed'; error: string; turns: TurnRecord[] };

/**
 * Play a game to its end (under the protocol its settings name, else the game's default), a
 * pause, or a failure. An AgentPausedError stops the game without recording the turn being
 * asked; an aborted signal pauses with 'cancelled'; any other error fails the game. Re-running
 * with the committed turns resumes it.
 */
export async function runGame(opts: RunGameOptions): Promise<RunGameResult> {
  const session = new GameSession(opts);
  try {
    const outcome = await protocolFor(opts.game, opts.protocol).play(session);
    return { status: 'finished', outcome, turns: session.turns };
  } catch (err) {
    if (err instanceof AgentPausedError) {
      return { status: 'paused', reason: err.reason, message: err.message, turns: session.turns };
    }
    if (err instanceof Cancelled || opts.signal?.aborted) {
      return { status: 'paused', reason: 'cancelled', message: 'cancelled', turns: session.turns };
    }
    return {
      status: 'failed',
      error: err instanceof Error ? err.message : String(err),
      turns: session.turns,
    };
  }
}
