// `parley run --estimate`: how many model calls, tokens and dollars a sweep's unfinished games
// may take, before anything is sent. Prompts are measured from the real system prompt of each
// game; replies are assumed to be `replyTokens` long; every game is assumed to last all T rounds
// with no re-asks, so call counts are an upper bound.
import { getGame } from '../../games/index';
import type { LlmSpec } from '../../src-shared/participant';
import type { PlannedGame } from '../../src-shared/planned-game';
import { personaText } from '../../src-shared/persona';
import { systemPrompt } from '../agents/llm/prompts';
import type { AgentContext } from '../engine/agent';
import { offerSystemPrompt } from '../engine/alternating/prompts';
import { rulesOf } from '../engine/alternating/state';
import { protocolFor } from '../engine/protocol';
import { costUsd } from './pricing';
import { cacheLimitOf } from '../registry/cache-limits';
import type { DeliberationInstance } from '../../games/deliberation/definition';
import { gameOf } from '../../games/deliberation/definition';
import { systemPrefix } from '../engine/protocols/deliberation/prompts';

export interface ModelEstimate {
  model: string;
  provider: string;
  calls: number;
  promptTokens: number;
  outputTokens: number;
  /** Every prompt token billed as fresh input. */
  costNoCacheUsd: number;
  /** The log prefix read from the provider's prompt cache (written once per call's new part). */
  costCachedUsd: number;
  /**
   * Prompt tokens expected to be read from the provider's cache: the previous call's prefix,
   * where it reaches the model's minimum cacheable length (none for models without caching).
   */
  cacheReadTokens: number;
  /** cacheReadTokens / promptTokens (0 without calls). */
  cacheReadShare: number;
  hasPrices: boolean;
}

export interface SweepEstimate {
  games: number;
  calls: number;
  promptTokens: number;
  outputTokens: number;
  costNoCacheUsd: number;
  costCachedUsd: number;
  byModel: ModelEstimate[];
  replyTokens: number;
}

/** Tokens of a text, approximated as ceil(chars / 4). */
const tokens = (text: string) => Math.ceil(text.length / 4);
/** The per-request phase prompt and the per-entry framing of the log. */
const PHASE_PROMPT_TOKENS = 60;
const ENTRY_OVERHEAD_TOKENS = 12;

export function estimateSweep(games: readonly PlannedGame[], replyTokens = 120): SweepEstimate {
  const byModel = new Map<string, ModelEstimate>();
  for (const g of games) {
    const game = getGame(g.kind);
    const instance = game.create(g.params, g.nAgents, g.seed);
    if (g.kind === 'deliberation') {
      addDeliberationGame(byModel, g, instance as DeliberationInstance, replyTokens);
      continue;
    }
    g.participants.forEach((spec, seat) => {
      if (spec.kind !== 'llm') return;
      const ctx: AgentContext = {
        game,
        instance,
        protocol: g.protocol,
        index: seat,
        round: 1,
        phase: 'discussion',
        pass: 0,
        attempt: 0,
        publicHistory: [],
        privateHistory: [],
        listedProposals: [],
        callSeed: 0,
        gameId: g.id,
      };
      const isAlternating = protocolFor(game, g.protocol).name === 'alternating-offers';
      const persona = personaText(spec.persona);
      const system = isAlternating ? offerSystemPrompt(ctx, persona) : systemPrompt(ctx, persona);
      const schedule = isAlternating
        ? alternatingSchedule(rulesOf(game).turnLimit(instance), seat)
        : proposeVoteSchedule(g);
      const e = byModel.get(spec.id) ?? emptyEstimate(spec);
      addSeat(e, spec, schedule, tokens(system), replyTokens);
      byModel.set(spec.id, e);
    });
  }
  const models = [...byModel.values()];
  for (const m of models)
    m.cacheReadShare = m.promptTokens > 0 ? m.cacheReadTokens / m.promptTokens : 0;
  const sum = (f: (m: ModelEstimate) => number) => models.reduce((a, m) => a + f(m), 0);
  return {
    games: games.length,
    calls: sum((m) => m.calls),
    promptTokens: sum((m) => m.promptTokens),
    outputTokens: sum((m) => m.outputTokens),
    costNoCacheUsd: sum((m) => m.costNoCacheUsd),
    costCachedUsd: sum((m) => m.costCachedUsd),
    byModel: models,
    replyTokens,
  };
}

function emptyEstimate(spec: LlmSpec): ModelEstimate {
  return {
    model: spec.id,
    provider: spec.provider,
    calls: 0,
    promptTokens: 0,
    outputTokens: 0,
    costNoCacheUsd: 0,
    costCachedUsd: 0,
    cacheReadTokens: 0,
    cacheReadShare: 0,
    hasPrices: spec.prices !== undefined,
  };
}

/** One call of a seat: the log entries that arrived since its previous call, and what it asks. */
interface ScheduledCall {
  entries: number;
  kind: string;
}

/** Log entries a seat sees arrive before each of its calls, over all T rounds of propose-and-vote. */
function proposeVoteSchedule(g: PlannedGame): ScheduledCall[] {
  const { rounds, discussionTurns } = g.protocol;
  const n = g.nAgents;
  const out: ScheduledCall[] = [];
  for (let r = 0; r < rounds; r++) {
    // Between two of this seat's calls the log gains the turns of everyone in between.
    for (let p = 0; p < discussionTurns; p++)
      out.push({ entries: r === 0 && p === 0 ? 0 : n, kind: 'discussion' });
    out.push({ entries: discussionTurns > 0 ? 0 : 2, kind: 'thinking' });
    out.push({ entries: 1, kind: 'proposal' }); // own plan
    out.push({ entries: 2, kind: 'vote' }); // own proposal, listing
    out.push({ entries: 2, kind: 'reflection' }); // own vote, tally
  }
  return out;
}

/** Alternating offers over all T turns: seat 0 moves on odd turns; each move adds 3 entries. */
function alternatingSchedule(turnLimit: number, seat: number): ScheduledCall[] {
  const calls = seat === 0 ? Math.ceil(turnLimit / 2) : Math.floor(turnLimit / 2);
  return Array.from({ length: calls }, (_, i) => ({ entries: i === 0 ? seat : 3, kind: 'offer' }));
}

/** One seat over the whole game: each call sends the system prompt, the log so far and a prompt. */
function addSeat(
  e: ModelEstimate,
  spec: LlmSpec,
  schedule: readonly ScheduledCall[],
  systemTokens: number,
  reply: number,
): void {
  const entry = reply + ENTRY_OVERHEAD_TOKENS;
  const minCache = cacheLimitOf(spec);
  let log = 0;
  let previousPrefix = 0;
  const call = ({ entries: newEntries }: ScheduledCall) => {
    log += newEntries * entry;
    const prefix = systemTokens + log;
    const prompt = prefix + PHASE_PROMPT_TOKENS;
    // What the cache holds for this call: the previous call's prefix, when it was long enough to
    // be cached (structured calls keep it: their one tool is the same in every call).
    const held = minCache !== null && previousPrefix >= minCache ? previousPrefix : 0;
    e.calls++;
    e.promptTokens += prompt;
    e.cacheReadTokens += held;
    e.outputTokens += reply;
    const out = { reasoningTokens: 0, outputTokens: reply };
    e.costNoCacheUsd += costUsd(spec.provider, spec.prices, {
      inputTokens: prompt,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      ...out,
    });
    const isAnthropic = spec.provider === 'anthropic';
    // Anthropic writes the new part of a prefix long enough to cache; shorter ones are input.
    const write = isAnthropic && minCache !== null && prefix >= minCache ? prefix - held : 0;
    e.costCachedUsd += costUsd(spec.provider, spec.prices, {
      inputTokens: prompt - held - write,
      cacheWriteTokens: write,
      cacheReadTokens: held,
      ...out,
    });
    previousPrefix = prefix;
  };
  for (const entries of schedule) call(entries);
}

/** The turn prompt's fixed instructions (scratchpad, format, plan), in tokens. */
const DELIBERATION_TURN_TOKENS = 400;

/**
 * Deliberation (DESIGN 4.3): one call per scheduled turn after p1's opening; each sends the
 * party's stable system prefix (cached after its first call) and a prompt with the window of
 * recent answers. The schedule is exact, so the call count is too.
 */
function addDeliberationGame(
  byModel: Map<string, ModelEstimate>,
  g: PlannedGame,
  instance: DeliberationInstance,
  reply: number,
): void {
  const game = gameOf(instance);
  const schedule = instance.realised.schedule as number[];
  const window = Math.min(instance.params.window, schedule.length);
  const prompt = DELIBERATION_TURN_TOKENS + window * (reply + ENTRY_OVERHEAD_TOKENS);
  g.participants.forEach((spec, seat) => {
    if (spec.kind !== 'llm') return;
    const e = byModel.get(spec.id) ?? emptyEstimate(spec);
    const system = tokens(systemPrefix(game, seat));
    const minCache = cacheLimitOf(spec);
    const cacheable = minCache !== null && system >= minCache;
    const isAnthropic = spec.provider === 'anthropic';
    const calls = schedule.filter((p, t) => t > 0 && p === seat).length;
    for (let c = 0; c < calls; c++) {
      const out = { reasoningTokens: 0, outputTokens: reply };
      const held = c > 0 && cacheable ? system : 0;
      const write = c === 0 && cacheable && isAnthropic ? system : 0;
      e.calls++;
      e.promptTokens += system + prompt;
      e.cacheReadTokens += held;
      e.outputTokens += reply;
      e.costNoCacheUsd += costUsd(spec.provider, spec.prices, {
        inputTokens: system + prompt,
        cacheWriteTokens: 0,
        cacheReadTokens: 0,
        ...out,
      });
      e.costCachedUsd += costUsd(spec.provider, spec.prices, {
        inputTokens: system + prompt - held - write,
        cacheWriteTokens: write,
        cacheReadTokens: held,
        ...out,
      });
    }
    byModel.set(spec.id, e);
  });
}
