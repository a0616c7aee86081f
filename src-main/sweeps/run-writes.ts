// The writes a sweep run makes while it plays a game, as data: GroupCommit gathers those of the
// games in play and applies them in one transaction with `commitGroup`.
import type { GameInstance, GameOutcome, TurnRecord } from '../../src-shared/game';
import type { Store } from '../store/store';
import type { GameRow, Lease } from '../store/types';

export type RunWrite =
  /** Claim a game with the run's lease; yields the game and its turns as committed, or null. */
  | { kind: 'claim'; gameId: string; instance: GameInstance; lease: Lease }
  /** Append a game's held turns. */
  | { kind: 'turns'; gameId: string; turns: readonly TurnRecord[] }
  /** Append a game's last turns and end it: finished, paused or failed. */
  | { kind: 'end'; gameId: string; turns: readonly TurnRecord[]; end: GameEnd };

export type GameEnd =
  | { status: 'finished'; outcome: GameOutcome }
  | { status: 'paused'; reason: string }
  | { status: 'failed'; error: string };

export interface Claimed {
  row: GameRow;
  turns: TurnRecord[];
}

export type RunWriteResult<W extends RunWrite> = W extends { kind: 'claim' }
  ? Claimed | null
  : null;

export function applyRunWrite(store: Store, w: RunWrite): Claimed | null {
  switch (w.kind) {
    case 'claim':
      if (!store.markGameRunning(w.gameId, w.instance, w.lease)) return null;
      return { row: store.getGame(w.gameId) as GameRow, turns: store.getTurns(w.gameId) };
    case 'turns':
      store.appendTurns(w.gameId, w.turns);
      return null;
    case 'end':
      store.appendTurns(w.gameId, w.turns);
      if (w.end.status === 'finished') store.finishGame(w.gameId, w.end.outcome);
      else if (w.end.status === 'paused') store.pauseGame(w.gameId, w.end.reason);
      else store.failGame(w.gameId, w.end.error);
      return null;
  }
}

/** A write's outcome: its value, or what it threw. */
export type Settled = { ok: true; value: Claimed | null } | { ok: false; error: unknown };

/**
 * Applies `writes` in one transaction; when that throws (and so rolled back), each write alone
 * in its own, so a bad write fails only itself. Returns each write's outcome, and how many
 * transactions committed.
 */
export function commitGroup(
  store: Store,
  writes: readonly RunWrite[],
): { settled: Settled[]; transactions: number } {
  try {
    const values = store.transaction(() => writes.map((w) => applyRunWrite(store, w)));
    return { settled: values.map((value) => ({ ok: true, value })), transactions: 1 };
  } catch {
    let transactions = 0;
    const settled = writes.map((w): Settled => {
      try {
        const value = store.transaction(() => applyRunWrite(store, w));
        transactions++;
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error };
      }
    });
    return { settled, transactions };
  }
}
