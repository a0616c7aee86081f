// A game's turns between the engine and the store: held until the game moves on, then committed
// together, and shown live (and to a transcript read) while they wait.
import type { TurnRecord } from '../../src-shared/game';
import { toAgent, type Agent, type AnyAgent } from '../engine/agent';

/**
 * Holds a game's new turns until the game moves on, then commits them in one write: before any
 * agent is asked in another phase than the held turns' first, and when the game stops (`take`
 * hands the held turns to the write that ends the game). Each write goes through `commit`, which
 * resolves once it is committed: the agent is asked only then. A run stopped before that resumes
 * from the last committed turn, replaying the rest.
 *
 * With `untilEnd`, every turn is held until the game stops. That is for games whose every seat is
 * a strategy agent: they call no provider, so a turn costs nothing to compute again, and they
 * are deterministic, so a resumed game replays exactly the turns that were lost.
 */
export class PhaseTurns {
  private pending: TurnRecord[] = [];
  /** Every turn added and not yet committed, in order: the pending ones and those in flight. */
  private uncommitted: TurnRecord[] = [];
  /** The commit under way, which every agent of the game waits for (seats may act at once). */
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly commit: (turns: readonly TurnRecord[]) => Promise<void>,
    /** Told of each turn as it is played (the live view), before it is committed. */
    private readonly played: (turn: TurnRecord) => void = () => {},
    private readonly untilEnd = false,
  ) {}

  add(turn: TurnRecord): void {
    this.pending.push(turn);
    this.uncommitted.push(turn);
    this.played(turn);
  }

  /** The turns played and not committed yet, in play order (for a transcript read meanwhile). */
  held(): readonly TurnRecord[] {
    return this.uncommitted;
  }

  /** Commits the held turns (resolves at once when there are none, after a commit under way). */
  flush(): Promise<void> {
    const turns = this.take();
    if (turns.length === 0) return this.flushing ?? Promise.resolve();
    const before = this.flushing;
    const flushing = (async () => {
      await before;
      await this.commit(turns);
      this.committed(turns);
    })();
    this.flushing = flushing;
    void flushing
      .finally(() => {
        if (this.flushing === flushing) this.flushing = null;
      })
      .catch(() => undefined);
    return flushing;
  }

  /** The held turns, handed over: the caller commits them (with the game's end), then calls `committed`. */
  take(): TurnRecord[] {
    const turns = this.pending;
    this.pending = [];
    return turns;
  }

  /** `turns` (the oldest uncommitted ones) are committed now. */
  committed(turns: readonly TurnRecord[]): void {
    this.uncommitted = this.uncommitted.slice(turns.length);
  }

  /** `agent`, committing the held turns first whenever it is asked in another phase. */
  wrap(agent: AnyAgent): Agent {
    const acting = toAgent(agent);
    return {
      id: acting.id,
      // The re-ask budget travels with the agent: the session shares it across a turn's attempts.
      ...(acting.maxReasks !== undefined ? { maxReasks: acting.maxReasks } : {}),
      act: async (ctx, action) => {
        const first = this.pending[0];
        if (!this.untilEnd && first && (first.round !== ctx.round || first.phase !== ctx.phase))
          await this.flush();
        else if (this.flushing) await this.flushing;
        return acting.act(ctx, action);
      },
    };
  }
}
