// Plays one claimed game of a sweep run: claim it with the run's lease, build its agents, run the
// engine, and commit its turns and its end. Every write goes through the run's group commit, so
// the games in play share transactions; each game moves on only once its own write committed.
import { getGame } from '../../games/index';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { GameStatus } from '../../src-shared/planned-game';
import type { GameInstance, TurnRecord } from '../../src-shared/game';
import type { AnyAgent } from '../engine/agent';
import { runGame, type PauseReason } from '../engine/run-game';
import { StorageError, isStorageFault } from '../store/errors';
import type { Store } from '../store/store';
import type { GameRow, Lease } from '../store/types';
import type { GroupCommit } from './group-commit';
import type { GameEnd } from './run-writes';
import { PhaseTurns } from './phase-turns';

/** What playing a game came to: its pause reason, null when it ended, 'taken' when another runner holds it. */
export type PlayOutcome = PauseReason | null | 'taken';

export interface PlayContext {
  store: Store;
  lease: Lease;
  group: GroupCommit;
  signal: AbortSignal;
  createAgent: (spec: ParticipantSpec, game: GameRow, sweepId: string) => AnyAgent;
  /** A turn was played (for the live view; committed soon after). */
  onTurn: (gameId: string, turn: TurnRecord) => void;
  /** Each game in play's turns, by game id, while it plays (for a transcript read meanwhile). */
  inPlay: Map<string, PhaseTurns>;
  /** The game changed status. */
  onStatus: (gameId: string, status: GameStatus) => void;
  /** The game finished in this run. */
  onFinished: () => void;
}

/**
 * Claims and plays one game; returns the pause reason when it paused, null when it ended, and
 * 'taken' when another runner holds it (or it ended meanwhile). A storage fault (disk full,
 * database locked or damaged) is thrown, ending the run: the game stays as committed.
 */
export async function playGame(
  p: PlayContext,
  sweepId: string,
  claimed: GameRow,
): Promise<PlayOutcome> {
  const { store, group } = p;
  const game = getGame(claimed.kind);
  let instance: GameInstance;
  try {
    instance = claimed.instance ?? game.create(claimed.params, claimed.nAgents, claimed.seed);
  } catch (err) {
    const error = `could not build the game: ${errorText(err)}`;
    await group.commit({
      kind: 'end',
      gameId: claimed.id,
      turns: [],
      end: { status: 'failed', error },
    });
    p.onStatus(claimed.id, 'failed');
    return null;
  }
  // The claim, and the game as committed now: another runner may have played part of it since
  // it was listed.
  const claim = await group.commit({ kind: 'claim', gameId: claimed.id, instance, lease: p.lease });
  if (claim === null) return 'taken';
  const { row } = claim;
  instance = row.instance ?? instance;
  p.onStatus(row.id, 'running');
  const phase = new PhaseTurns(
    async (turns) => {
      await group.commit({ kind: 'turns', gameId: row.id, turns });
    },
    (turn) => p.onTurn(row.id, turn),
    // Strategy agents call no provider and are deterministic: their games commit once, at the end.
    row.participants.every((spec) => spec.kind === 'strategy'),
  );
  /** Commits the held turns and the game's end in one write, then announces the turns. */
  const end = async (e: GameEnd) => {
    const turns = phase.take();
    await group.commit({ kind: 'end', gameId: row.id, turns, end: e });
    phase.committed(turns);
  };
  p.inPlay.set(row.id, phase);
  let paused: PauseReason | null = null;
  try {
    const agents = row.participants.map((spec) => phase.wrap(p.createAgent(spec, row, sweepId)));
    const result = await runGame({
      gameId: row.id,
      game,
      instance,
      protocol: row.protocol,
      agents,
      committed: claim.turns,
      signal: p.signal,
      onTurn: (turn) => phase.add(turn),
    });
    if (result.status === 'finished') {
      // The last phase and the outcome in one transaction.
      await end({ status: 'finished', outcome: result.outcome });
      p.onFinished();
      p.onStatus(row.id, 'finished');
    } else if (result.status === 'paused') {
      const reason =
        result.reason === 'cancelled'
          ? 'cancelled by the user'
          : // The message says what to do (fix a key, raise the budget, wait for the provider).
            `${result.reason}: ${result.message}`;
      await end({ status: 'paused', reason });
      if (result.reason !== 'cancelled') paused = result.reason;
      p.onStatus(row.id, 'paused');
    } else if (isStorageFault(result.error)) {
      // The database failed, not the game: leave it as committed, for the next run.
      throw new StorageError(result.error);
    } else {
      await end({ status: 'failed', error: result.error });
      p.onStatus(row.id, 'failed');
    }
  } catch (err) {
    if (err instanceof StorageError || isStorageFault(errorText(err))) {
      releaseLease(store, row.id);
      throw err;
    }
    await group.commit({
      kind: 'end',
      gameId: row.id,
      turns: [],
      end: { status: 'failed', error: errorText(err) },
    });
    p.onStatus(row.id, 'failed');
  } finally {
    p.inPlay.delete(row.id);
  }
  return paused;
}

/** After a storage fault: hand the game back at once if the database still takes a write. */
function releaseLease(store: Store, gameId: string): void {
  try {
    store.requeue([gameId]);
  } catch {
    // It cannot: the lease runs out by itself.
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
