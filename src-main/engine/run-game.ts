// Runs one propose-and-vote game (DESIGN 4) for n >= 2 agents. Every new turn goes through
// onTurn (the store commits it) before the game moves on; turns an interrupted run already
// committed are replayed by key instead of asking the agent again, so a resumed game produces
// exactly the transcript an uninterrupted one would have.
import { createRng, hashSeed } from '../../games/rng';
import type { GameDefinition } from '../../games/types';
import type {
  GameInstance,
  GameOutcome,
  Phase,
  ProtocolParams,
  TurnRecord,
  Vote,
} from '../../src-shared/game';
import {
  AgentPausedError,
  type Agent,
  type AgentContext,
  type AgentReply,
  type ListedProposal,
} from './agent';
import { listingTurn, setupTurn, tallyTurn, type TallyAction } from './moderator';
import { tally } from './tally';

export { tally, acceptsNeeded, type TallyResult, type UniformSource } from './tally';
export { isUrgent, type TallyAction } from './moderator';

export interface RunGameOptions {
  gameId: string;
  game: GameDefinition;
  instance: GameInstance;
  protocol: ProtocolParams;
  /** One agent per seat, in seat order (agent i is Agent_{i+1}). */
  agents: readonly Agent[];
  /** Turns already in the store from an interrupted run of this game (any order). */
  committed?: readonly TurnRecord[];
  /** Commits a new turn; awaited before the game moves on. Never called for replayed turns. */
  onTurn: (turn: TurnRecord) => void | Promise<void>;
  signal?: AbortSignal;
}

export type PauseReason = AgentPausedError['reason'];

/** `turns` is the transcript so far, replayed and new turns in order. */
export type RunGameResult =
  | { status: 'finished'; outcome: GameOutcome; turns: TurnRecord[] }
  | { status: 'paused'; reason: PauseReason; message: string; turns: TurnRecord[] }
  | { status: 'failed'; error: string; turns: TurnRecord[] };

/** The action of a vote turn: final votes (missing ones filled as reject) and which were filled. */
export interface VoteAction {
  votes: Vote[];
  synthetic: number[];
}

/** A turn produced in a phase; `isNew` is false when it was replayed from `committed`. */
interface Pending {
  turn: TurnRecord;
  isNew: boolean;
}

class Cancelled extends Error {}

function turnKey(
  round: number,
  phase: Phase,
  pass: number,
  agent: number,
  attempt: number,
): string {
  return `${round}/${phase}/${pass}/${agent}/${attempt}`;
}

/**
 * Play a game to its end (deal or round T), a pause, or a failure. An AgentPausedError stops
 * the game without recording the turn being asked; an aborted signal pauses with 'cancelled';
 * any other error fails the game. Re-running with the committed turns resumes it.
 */
export async function runGame(opts: RunGameOptions): Promise<RunGameResult> {
  const run = new GameRun(opts);
  try {
    const outcome = await run.play();
    return { status: 'finished', outcome, turns: run.turns };
  } catch (err) {
    if (err instanceof AgentPausedError) {
      return { status: 'paused', reason: err.reason, message: err.message, turns: run.turns };
    }
    if (err instanceof Cancelled || opts.signal?.aborted) {
      return { status: 'paused', reason: 'cancelled', message: 'cancelled', turns: run.turns };
    }
    return {
      status: 'failed',
      error: err instanceof Error ? err.message : String(err),
      turns: run.turns,
    };
  }
}

class GameRun {
  readonly turns: TurnRecord[] = [];
  private readonly publicHistory: TurnRecord[] = [];
  private readonly privateHistories: TurnRecord[][];
  private readonly committed = new Map<string, TurnRecord>();
  private readonly n: number;

  constructor(private readonly opts: RunGameOptions) {
    this.n = opts.agents.length;
    if (this.n < 2) throw new Error(`runGame needs at least 2 agents, got ${this.n}`);
    if (this.n !== opts.instance.nAgents) {
      throw new Error(
        `runGame got ${this.n} agents for an instance built for ${opts.instance.nAgents}`,
      );
    }
    this.privateHistories = opts.agents.map(() => []);
    for (const t of opts.committed ?? [])
      this.committed.set(turnKey(t.round, t.phase, t.pass, t.agent, t.attempt), t);
  }

  async play(): Promise<GameOutcome> {
    const { game, instance, protocol } = this.opts;
    for (let i = 0; i < this.n; i++) await this.moderate(setupTurn(game, instance, protocol, i));
    for (let round = 1; round <= protocol.rounds; round++) {
      const deal = await this.playRound(round);
      if (deal) return this.outcome(round, deal);
    }
    return this.outcome(null, null);
  }

  private async playRound(round: number): Promise<ListedProposal | null> {
    const { game, instance, protocol } = this.opts;
    for (let pass = 0; pass < protocol.discussionTurns; pass++) {
      for (let i = 0; i < this.n; i++)
        await this.record(await this.textTurn(i, round, 'discussion', pass));
    }
    await this.simultaneous(async (i) => [await this.textTurn(i, round, 'thinking', 0)]);
    const attempts = await this.simultaneous((i) => this.proposalAttempts(i, round));
    const valid = attempts.flatMap((turns, i) =>
      turns.filter((t) => t.status === 'ok').map((t) => ({ proposer: i, proposal: t.action })),
    );
    const listed = (await this.moderate(listingTurn(game, instance, round, valid)))
      .action as ListedProposal[];
    if (listed.length > 0) {
      const voteTurns = await this.simultaneous(async (i) => [
        await this.voteTurn(i, round, listed),
      ]);
      const votes = voteTurns.map((turns) => (turns[0].action as VoteAction).votes);
      const rng = createRng(hashSeed(instance.seed, 'tally', round));
      const result = tally(votes, protocol.acceptance, this.n, protocol.vetoHolders, rng);
      const accepted = (
        (await this.moderate(tallyTurn(round, votes, result))).action as TallyAction
      ).accepted;
      if (accepted !== null) return listed[accepted - 1];
    }
    await this.simultaneous(async (i) => [await this.textTurn(i, round, 'reflection', 0)]);
    return null;
  }

  private stored(
    round: number,
    phase: Phase,
    pass: number,
    agent: number,
    attempt: number,
  ): TurnRecord | undefined {
    return this.committed.get(turnKey(round, phase, pass, agent, attempt));
  }

  /** Append a turn to the transcript and histories, committing it first unless it was replayed. */
  private async record({ turn, isNew }: Pending): Promise<void> {
    if (isNew) {
      this.checkAbort();
      await this.opts.onTurn(turn);
    }
    this.turns.push(turn);
    if (turn.visibility === 'public') this.publicHistory.push(turn);
    else if (turn.agent >= 0) this.privateHistories[turn.agent].push(turn);
  }

  /** Record a moderator-authored turn, preferring the committed copy; returns what was recorded. */
  private async moderate(turn: TurnRecord): Promise<TurnRecord> {
    const stored = this.stored(turn.round, turn.phase, turn.pass, turn.agent, turn.attempt);
    await this.record(stored ? { turn: stored, isNew: false } : { turn, isNew: true });
    return stored ?? turn;
  }

  /**
   * Run one simultaneous phase: every agent starts from the same history snapshot (nothing is
   * recorded until all have answered), then the turns are committed in seat order. If an agent
   * throws, the seats before it are still committed and the error propagates.
   */
  private async simultaneous(make: (agent: number) => Promise<Pending[]>): Promise<TurnRecord[][]> {
    this.checkAbort();
    const settled = await Promise.allSettled(this.opts.agents.map((_, i) => make(i)));
    const out: TurnRecord[][] = [];
    for (const s of settled) {
      if (s.status === 'rejected') throw s.reason;
      for (const p of s.value) await this.record(p);
      out.push(s.value.map((p) => p.turn));
    }
    return out;
  }

  private context(
    agent: number,
    round: number,
    phase: Phase,
    pass: number,
    attempt: number,
    extra: Partial<AgentContext> = {},
  ): AgentContext {
    const { game, instance, protocol, gameId, signal } = this.opts;
    this.checkAbort();
    return {
      game,
      instance,
      protocol,
      index: agent,
      round,
      phase,
      pass,
      attempt,
      publicHistory: this.publicHistory,
      privateHistory: this.privateHistories[agent],
      listedProposals: [],
      callSeed: hashSeed(instance.seed, agent, round, phase, pass, attempt),
      gameId,
      signal,
      ...extra,
    };
  }

  private async textTurn(
    agent: number,
    round: number,
    phase: 'discussion' | 'thinking' | 'reflection',
    pass: number,
  ): Promise<Pending> {
    const stored = this.stored(round, phase, pass, agent, 0);
    if (stored) return { turn: stored, isNew: false };
    const a = this.opts.agents[agent];
    const ctx = this.context(agent, round, phase, pass, 0);
    const reply =
      phase === 'discussion'
        ? pick(await a.discuss(ctx), (v) => v.message)
        : phase === 'thinking'
          ? pick(await a.think(ctx), (v) => v.plan)
          : pick(await a.reflect(ctx), (v) => v.reflection);
    const base = { round, phase, pass, agent, attempt: 0, action: null };
    // An unparsed discussion reply stays private: it may hold text the agent never meant to say.
    const turn: TurnRecord = reply.ok
      ? {
          ...base,
          visibility: phase === 'discussion' ? 'public' : 'private',
          text: reply.text,
          status: 'ok',
        }
      : {
          ...base,
          visibility: 'private',
          text: reply.text,
          status: 'parse_failure',
          error: reply.error,
        };
    return { turn, isNew: true };
  }

  /** Ask for a proposal until one validates or the attempts run out; one turn per attempt. */
  private async proposalAttempts(agent: number, round: number): Promise<Pending[]> {
    const out: Pending[] = [];
    const maxAttempts = Math.max(1, this.opts.protocol.maxProposalAttempts);
    let feedback: string | undefined;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const stored = this.stored(round, 'proposal', 0, agent, attempt);
      const turn = stored ?? (await this.askProposal(agent, round, attempt, feedback, out));
      out.push({ turn, isNew: !stored });
      if (turn.status === 'ok') break;
      feedback = turn.error ?? 'the proposal was not valid';
    }
    return out;
  }

  private async askProposal(
    agent: number,
    round: number,
    attempt: number,
    feedback: string | undefined,
    earlier: Pending[],
  ): Promise<TurnRecord> {
    const { game, instance } = this.opts;
    // A re-ask shows the agent its own failed attempts of this round, which commit with it.
    const own = this.privateHistories[agent];
    const privateHistory = earlier.length === 0 ? own : [...own, ...earlier.map((p) => p.turn)];
    const extra = feedback === undefined ? { privateHistory } : { privateHistory, feedback };
    const reply = await this.opts.agents[agent].propose(
      this.context(agent, round, 'proposal', 0, attempt, extra),
    );
    const base = {
      round,
      phase: 'proposal',
      pass: 0,
      agent,
      attempt,
      visibility: 'private',
    } as const;
    if (!reply.ok)
      return {
        ...base,
        text: reply.text,
        action: null,
        status: 'parse_failure',
        error: reply.error,
      };
    const note = reply.value.message ? `${reply.value.message}\n` : '';
    const check = game.validateProposal(instance, reply.value.proposal);
    if (!check.ok) {
      const raw = reply.value.proposal ?? null;
      return {
        ...base,
        text: `${note}Proposal (invalid): ${JSON.stringify(raw)}`,
        action: raw,
        status: 'invalid',
        error: check.error,
      };
    }
    return {
      ...base,
      text: `${note}Proposal: ${game.describeProposal(instance, check.proposal)}`,
      action: check.proposal,
      status: 'ok',
    };
  }

  /** One vote per listed proposal; anything missing or malformed becomes a synthetic reject. */
  private async voteTurn(
    agent: number,
    round: number,
    listed: readonly ListedProposal[],
  ): Promise<Pending> {
    const stored = this.stored(round, 'vote', 0, agent, 0);
    if (stored) return { turn: stored, isNew: false };
    const reply = await this.opts.agents[agent].vote(
      this.context(agent, round, 'vote', 0, 0, { listedProposals: listed }),
    );
    const given: unknown[] = reply.ok && Array.isArray(reply.value.votes) ? reply.value.votes : [];
    const votes: Vote[] = [];
    const synthetic: number[] = [];
    listed.forEach((_, j) => {
      const v = given[j];
      if (v === 'accept' || v === 'reject') votes.push(v);
      else {
        votes.push('reject');
        synthetic.push(j);
      }
    });
    const action: VoteAction = { votes, synthetic };
    const base = {
      round,
      phase: 'vote',
      pass: 0,
      agent,
      attempt: 0,
      visibility: 'private',
      action,
    } as const;
    if (!reply.ok)
      return {
        turn: { ...base, text: reply.text, status: 'parse_failure', error: reply.error },
        isNew: true,
      };
    if (synthetic.length === 0)
      return { turn: { ...base, text: reply.text, status: 'ok' }, isNew: true };
    const error = `missing or invalid vote for proposal ${synthetic.map((j) => j + 1).join(', ')}; counted as reject`;
    return { turn: { ...base, text: reply.text, status: 'synthetic', error }, isNew: true };
  }

  private outcome(round: number | null, deal: ListedProposal | null): GameOutcome {
    const { game, instance, protocol } = this.opts;
    const zeros = () => new Array<number>(this.n).fill(0);
    const invalidProposals = zeros();
    const syntheticVotes = zeros();
    const parseFailures = zeros();
    for (const t of this.turns) {
      if (t.agent < 0) continue;
      if (t.status === 'parse_failure') parseFailures[t.agent]++;
      if (t.phase === 'proposal' && t.status === 'invalid') invalidProposals[t.agent]++;
      if (t.phase === 'vote') syntheticVotes[t.agent] += (t.action as VoteAction).synthetic.length;
    }
    const counts = { invalidProposals, syntheticVotes, parseFailures };
    if (round === null || deal === null) {
      return {
        deal: false,
        round: null,
        proposal: null,
        proposer: null,
        rawUtilities: zeros(),
        utilities: zeros(),
        ...counts,
      };
    }
    const rawUtilities = game.rawUtilities(instance, deal.proposal);
    const factor = Math.pow(protocol.gamma, round - 1);
    const utilities = rawUtilities.map((u) => u * factor);
    return {
      deal: true,
      round,
      proposal: deal.proposal,
      proposer: deal.proposer,
      rawUtilities,
      utilities,
      ...counts,
    };
  }

  private checkAbort(): void {
    if (this.opts.signal?.aborted) throw new Cancelled('cancelled');
  }
}

/** The displayed text of a reply: the picked field when it parsed, the raw text otherwise. */
function pick<T>(
  reply: AgentReply<T>,
  field: (value: T) => string,
): { ok: true; text: string } | { ok: false; text: string; error: string } {
  return reply.ok
    ? { ok: true, text: field(reply.value) }
    : { ok: false, text: reply.text, error: reply.error };
}
