// What every protocol plays on: the seats, the transcript, commit-before-continue and resume by
// replay. A protocol asks for turns by key (round, phase, pass, agent, attempt); a key already
// committed by an interrupted run is replayed instead of asking the agent again, so a resumed
// game produces exactly the transcript an uninterrupted one would have.
import { hashSeed } from '../../games/rng';
import type { GameDefinition } from '../../games/types';
import type { GameInstance, Phase, ProtocolParams, TurnRecord } from '../../src-shared/game';
import {
  toAgent,
  type Action,
  type Agent,
  type AgentContext,
  type AnyAgent,
  type ReplyMeta,
} from './agent';

export interface SessionOptions {
  gameId: string;
  game: GameDefinition;
  instance: GameInstance;
  protocol: ProtocolParams;
  /** One agent per seat, in seat order (agent i is Agent_{i+1}). */
  agents: readonly AnyAgent[];
  /** Turns already in the store from an interrupted run of this game (any order). */
  committed?: readonly TurnRecord[];
  /** Commits a new turn; awaited before the game moves on. Never called for replayed turns. */
  onTurn: (turn: TurnRecord) => void | Promise<void>;
  signal?: AbortSignal;
}

/** A turn produced by a protocol step; `isNew` is false when it was replayed from `committed`. */
export interface Pending {
  turn: TurnRecord;
  isNew: boolean;
}

/** Thrown when the run's signal is aborted; runGame reports it as a 'cancelled' pause. */
export class Cancelled extends Error {}

function turnKey(
  round: number,
  phase: Phase,
  pass: number,
  agent: number,
  attempt: number,
): string {
  return `${round}/${phase}/${pass}/${agent}/${attempt}`;
}

/** Where a turn sits in the transcript; `attempt` defaults to 0. */
export interface TurnSlot {
  round: number;
  phase: Phase;
  pass: number;
  agent: number;
  attempt?: number;
}

export class GameSession {
  readonly turns: TurnRecord[] = [];
  readonly publicHistory: TurnRecord[] = [];
  readonly privateHistories: TurnRecord[][];
  readonly agents: readonly Agent[];
  readonly n: number;
  private readonly committed = new Map<string, TurnRecord>();
  /** Reply metadata (output mode, calls) of the turns asked and not yet recorded, by turn key. */
  private readonly replyMeta = new Map<string, ReplyMeta>();
  /** Model replies left for the next ask of a turn under a re-ask budget, by turn key. */
  private readonly callsLeft = new Map<string, number>();

  constructor(readonly opts: SessionOptions) {
    this.n = opts.agents.length;
    if (this.n < 2) throw new Error(`runGame needs at least 2 agents, got ${this.n}`);
    if (this.n !== opts.instance.nAgents) {
      throw new Error(
        `runGame got ${this.n} agents for an instance built for ${opts.instance.nAgents}`,
      );
    }
    this.agents = opts.agents.map(toAgent);
    this.privateHistories = opts.agents.map(() => []);
    for (const t of opts.committed ?? [])
      this.committed.set(turnKey(t.round, t.phase, t.pass, t.agent, t.attempt), t);
  }

  get game(): GameDefinition {
    return this.opts.game;
  }

  get instance(): GameInstance {
    return this.opts.instance;
  }

  get protocol(): ProtocolParams {
    return this.opts.protocol;
  }

  /** The committed turn at `slot` from an interrupted run, if any. */
  stored(slot: TurnSlot): TurnRecord | undefined {
    // A fresh game (most of them) has nothing to replay: skip building the key.
    if (this.committed.size === 0) return undefined;
    return this.committed.get(
      turnKey(slot.round, slot.phase, slot.pass, slot.agent, slot.attempt ?? 0),
    );
  }

  /** Append a turn to the transcript and histories, committing it first unless it was replayed. */
  async record({ turn, isNew }: Pending): Promise<void> {
    if (isNew) {
      this.attachMeta(turn);
      this.checkAbort();
      await this.opts.onTurn(turn);
    }
    this.turns.push(turn);
    if (turn.visibility === 'public') this.publicHistory.push(turn);
    else if (turn.agent >= 0) this.privateHistories[turn.agent].push(turn);
  }

  /** Store how the reply of `turn`'s slot was obtained (output mode, calls) on the turn itself. */
  private attachMeta(turn: TurnRecord): void {
    // Strategy agents report no metadata: skip building the key for every turn.
    if (this.replyMeta.size === 0) return;
    const key = turnKey(turn.round, turn.phase, turn.pass, turn.agent, turn.attempt);
    const meta = this.replyMeta.get(key);
    if (!meta) return;
    this.replyMeta.delete(key);
    if (meta.mode !== undefined) turn.mode = meta.mode;
    if (meta.calls !== undefined) turn.calls = meta.calls;
  }

  /** Record a moderator-authored turn, preferring the committed copy; returns what was recorded. */
  async moderate(turn: TurnRecord): Promise<TurnRecord> {
    const stored = this.stored(turn);
    await this.record(stored ? { turn: stored, isNew: false } : { turn, isNew: true });
    return stored ?? turn;
  }

  /**
   * Run one simultaneous step: every agent starts from the same history snapshot (nothing is
   * recorded until all have answered), then the turns are committed in seat order. If an agent
   * throws, the seats before it are still committed and the error propagates.
   */
  async simultaneous(make: (agent: number) => Promise<Pending[]>): Promise<TurnRecord[][]> {
    this.checkAbort();
    const settled = await Promise.allSettled(this.agents.map((_, i) => make(i)));
    const out: TurnRecord[][] = [];
    for (const s of settled) {
      if (s.status === 'rejected') throw s.reason;
      for (const p of s.value) await this.record(p);
      out.push(s.value.map((p) => p.turn));
    }
    return out;
  }

  /** The context of one call at `slot`, with the agent's histories as they stand now. */
  context(slot: TurnSlot, extra: Partial<AgentContext> = {}): AgentContext {
    const { game, instance, protocol, gameId, signal } = this.opts;
    this.checkAbort();
    const attempt = slot.attempt ?? 0;
    return {
      game,
      instance,
      protocol,
      index: slot.agent,
      round: slot.round,
      phase: slot.phase,
      pass: slot.pass,
      attempt,
      publicHistory: this.publicHistory,
      privateHistory: this.privateHistories[slot.agent],
      listedProposals: [],
      callSeed: hashSeed(instance.seed, slot.agent, slot.round, slot.phase, slot.pass, attempt),
      gameId,
      signal,
      ...extra,
    };
  }

  /** Ask seat `ctx.index` for `action`. */
  async act<T>(ctx: AgentContext, action: Action<T>) {
    const key = () => turnKey(ctx.round, ctx.phase, ctx.pass, ctx.index, ctx.attempt);
    let left: number | undefined;
    if (this.callsLeft.size > 0) {
      left = this.callsLeft.get(key());
      this.callsLeft.delete(key());
    }
    const reply = await this.agents[ctx.index].act(
      left === undefined ? ctx : { ...ctx, callsLeft: left },
      action,
    );
    if (reply.mode !== undefined || reply.calls !== undefined)
      this.replyMeta.set(key(), { mode: reply.mode, calls: reply.calls });
    return reply;
  }

  /**
   * Ask until a turn comes back 'ok' or the attempts run out; one turn per attempt, replayed
   * attempts taken from the store. `ask` gets the attempt, the previous attempt's error and the
   * earlier attempts of this step (a re-ask shows them to the agent; they commit with it).
   */
  async attempts(
    slot: Omit<TurnSlot, 'attempt'>,
    maxAttempts: number,
    ask: (attempt: number, feedback: string | undefined, earlier: Pending[]) => Promise<TurnRecord>,
  ): Promise<Pending[]> {
    const out: Pending[] = [];
    let feedback: string | undefined;
    // An agent with a re-ask budget shares it across the attempts of this turn: each attempt
    // spends its replies (one per attempt when the record does not say).
    const reasks = this.agents[slot.agent].maxReasks;
    let used = 0;
    for (let attempt = 0; attempt < Math.max(1, maxAttempts); attempt++) {
      const stored = this.stored({ ...slot, attempt });
      if (!stored && reasks !== undefined) {
        const left = reasks + 1 - used;
        if (left <= 0 && attempt > 0) break;
        this.callsLeft.set(
          turnKey(slot.round, slot.phase, slot.pass, slot.agent, attempt),
          Math.max(1, left),
        );
      }
      const turn = stored ?? (await ask(attempt, feedback, out));
      if (!stored) this.attachMeta(turn);
      used += turn.calls ?? 1;
      out.push({ turn, isNew: !stored });
      if (turn.status === 'ok') break;
      feedback = turn.error ?? 'the reply was not valid';
    }
    return out;
  }

  /** The agent's private history extended by the earlier attempts of the current step. */
  privateWith(agent: number, earlier: readonly Pending[]): readonly TurnRecord[] {
    const own = this.privateHistories[agent];
    return earlier.length === 0 ? own : [...own, ...earlier.map((p) => p.turn)];
  }

  checkAbort(): void {
    if (this.opts.signal?.aborted) throw new Cancelled('cancelled');
  }
}
