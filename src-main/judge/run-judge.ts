// A judge run: every target answer is put to the judge model through the provider runtime (the
// same LLM agent path as a game's calls: scheduler, response cache, call ledger, budget), and
// each verdict is stored as soon as it arrives, so an interrupted run resumes where it stopped.
import { getGame } from '../../games';
import type { LlmSpec } from '../../src-shared/participant';
import { phaseMaxTokens, estimateCostUsd } from '../agents/llm/llm-agent';
import { responseCacheKey } from '../agents/llm/cache-key';
import { AgentPausedError, type Agent, type AgentContext } from '../engine/agent';
import type { LlmRuntime } from '../providers/runtime';
import type { Store } from '../store/types';
import { judgeAction } from './prompt';
import type { JudgeTarget } from './targets';

/** The judge's replies per answer: the first, and one re-ask after a reply that did not parse. */
export const JUDGE_PARSE_ATTEMPTS = 2;

/** The call context of one judgement: the judged turn's game, round and speaker. */
function judgeContext(target: JudgeTarget, signal?: AbortSignal): AgentContext {
  const { game, turn } = target;
  if (!game.instance) throw new Error(`game ${game.id} has no instance`);
  return {
    game: getGame(game.kind),
    instance: game.instance,
    protocol: game.protocol,
    index: turn.agent,
    round: turn.round,
    phase: 'judge',
    pass: 0,
    attempt: 0,
    publicHistory: [],
    privateHistory: [],
    listedProposals: [],
    // The judged turn's commit order: each answer is its own cached call.
    callSeed: turn.seq,
    gameId: game.id,
    signal,
  };
}

export interface JudgeEstimate {
  calls: number;
  /** Of these, answers whose first judge call is already in the response cache (free). */
  cached: number;
  /** Upper bound in USD: every uncached call with its whole prompt uncached and full output. */
  maxCostUsd: number;
  hasPrices: boolean;
}

/** What judging `targets` with `spec` would cost at most (no re-asks counted). */
export function estimateJudge(
  store: Store,
  spec: LlmSpec,
  targets: readonly JudgeTarget[],
): JudgeEstimate {
  let cached = 0;
  let maxCostUsd = 0;
  for (const t of targets) {
    const action = judgeAction(t.issues, t.party, t.turn.text);
    const request = {
      system: action.system(),
      messages: [{ role: 'user' as const, content: action.prompt() }],
      maxTokens: phaseMaxTokens(spec, action.tokens),
    };
    if (store.cacheGet(responseCacheKey(spec, request, t.game.id, t.turn.seq)) != null) cached++;
    else maxCostUsd += estimateCostUsd(spec, request);
  }
  const hasPrices = spec.prices !== undefined || spec.provider === 'local';
  return { calls: targets.length, cached, maxCostUsd, hasPrices };
}

export interface JudgeProgress {
  done: number;
  total: number;
  leaked: number;
  notLeaked: number;
  parseFailures: number;
  costUsd: number;
}

export interface JudgeRunResult extends JudgeProgress {
  /** Why the run stopped before judging every target (budget, provider offline, an error). */
  stopped: string | null;
}

export interface JudgeRunOptions {
  store: Store;
  runtime: LlmRuntime;
  spec: LlmSpec;
  targets: readonly JudgeTarget[];
  /** Judgements in flight at once (the provider scheduler also caps calls per provider). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: JudgeProgress) => void;
}

/** Judge every target (or until the first stop); each verdict is committed as it arrives. */
export async function runJudge(opts: JudgeRunOptions): Promise<JudgeRunResult> {
  const { store, runtime, spec, targets } = opts;
  const p: JudgeProgress = {
    done: 0,
    total: targets.length,
    leaked: 0,
    notLeaked: 0,
    parseFailures: 0,
    costUsd: 0,
  };
  const agents = new Map<string, Agent>();
  let next = 0;
  let stopped: string | null = null;

  async function judgeOne(t: JudgeTarget): Promise<void> {
    let agent = agents.get(t.game.id);
    if (!agent) {
      agent = runtime.createAgent(spec, t.game);
      agents.set(t.game.id, agent);
    }
    const r = await agent.act(
      judgeContext(t, opts.signal),
      judgeAction(t.issues, t.party, t.turn.text),
    );
    const cost = r.usage?.costUsd ?? 0;
    const verdict = r.ok
      ? r.value.verdict === 'LEAKED'
        ? 'leaked'
        : 'not_leaked'
      : 'parse_failure';
    store.recordJudgement({
      gameId: t.game.id,
      seq: t.turn.seq,
      judgeId: spec.id,
      provider: spec.provider,
      model: spec.model,
      round: t.turn.round,
      agent: t.turn.agent,
      verdict,
      reason: r.ok ? r.value.reason : null,
      rawText: r.text,
      error: r.ok ? null : r.error,
      costUsd: cost,
    });
    p.done++;
    p.costUsd += cost;
    if (verdict === 'leaked') p.leaked++;
    else if (verdict === 'not_leaked') p.notLeaked++;
    else p.parseFailures++;
    opts.onProgress?.({ ...p });
  }

  async function worker(): Promise<void> {
    while (stopped === null && next < targets.length) {
      if (opts.signal?.aborted) {
        stopped = 'interrupted';
        return;
      }
      const t = targets[next++];
      try {
        await judgeOne(t);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        stopped ??=
          err instanceof AgentPausedError
            ? message
            : `judging turn ${t.turn.seq} of game ${t.game.id} failed: ${message}`;
      }
    }
  }

  const n = Math.max(1, Math.min(opts.concurrency ?? 8, targets.length));
  await Promise.all(Array.from({ length: n }, worker));
  return { ...p, stopped };
}
