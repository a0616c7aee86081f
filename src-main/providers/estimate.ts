// `parley run --estimate`: how many model calls, tokens and dollars a sweep's unfinished games
// may take, before anything is sent. Prompts are measured from the real system prompt of each
// game; replies are assumed to be `replyTokens` long; every game is assumed to last all T rounds
// with no re-asks, so call counts are an upper bound.
import { getGame } from '../../games/index';
import type { LlmSpec } from '../../src-shared/participant';
import type { PlannedGame } from '../../src-shared/planned-game';
import { systemPrompt } from '../agents/llm/prompts';
import { costUsd } from './pricing';
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
      const system = systemPrompt(
        {
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
        },
        spec.persona,
      );
      const e = byModel.get(spec.id) ?? emptyEstimate(spec);
      addSeat(e, spec, g, tokens(system), replyTokens);
      byModel.set(spec.id, e);
    });
  }
  const models = [...byModel.values()];
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
    hasPrices: spec.prices !== undefined,
  };
}

/** One seat over all T rounds: each call sends the system prompt, the log so far and a phase prompt. */
function addSeat(
  e: ModelEstimate,
  spec: LlmSpec,
  g: PlannedGame,
  systemTokens: number,
  reply: number,
): void {
  const { rounds, discussionTurns } = g.protocol;
  const entry = reply + ENTRY_OVERHEAD_TOKENS;
  let log = 0;
  let previousPrefix = 0;
  const call = (newEntries: number) => {
    log += newEntries * entry;
    const prefix = systemTokens + log;
    const prompt = prefix + PHASE_PROMPT_TOKENS;
    e.calls++;
    e.promptTokens += prompt;
    e.outputTokens += reply;
    const out = { reasoningTokens: 0, outputTokens: reply };
    e.costNoCacheUsd += costUsd(spec.provider, spec.prices, {
      inputTokens: prompt,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      ...out,
    });
    const write = spec.provider === 'anthropic' ? prefix - previousPrefix : 0;
    e.costCachedUsd += costUsd(spec.provider, spec.prices, {
      inputTokens:
        PHASE_PROMPT_TOKENS + (spec.provider === 'anthropic' ? 0 : prefix - previousPrefix),
      cacheWriteTokens: write,
      cacheReadTokens: previousPrefix,
      ...out,
    });
    previousPrefix = prefix;
  };
  const n = g.nAgents;
  for (let r = 0; r < rounds; r++) {
    // Between two of this seat's calls the log gains the turns of everyone in between.
    for (let p = 0; p < discussionTurns; p++) call(r === 0 && p === 0 ? 0 : n);
    call(discussionTurns > 0 ? 0 : 2); // thinking
    call(1); // proposal (own plan)
    call(2); // vote (own proposal, listing)
    call(2); // reflection (own vote, tally)
  }
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
    const calls = schedule.filter((p, t) => t > 0 && p === seat).length;
    for (let c = 0; c < calls; c++) {
      const out = { reasoningTokens: 0, outputTokens: reply };
      e.calls++;
      e.promptTokens += system + prompt;
      e.outputTokens += reply;
      e.costNoCacheUsd += costUsd(spec.provider, spec.prices, {
        inputTokens: system + prompt,
        cacheWriteTokens: 0,
        cacheReadTokens: 0,
        ...out,
      });
      const isAnthropic = spec.provider === 'anthropic';
      e.costCachedUsd += costUsd(spec.provider, spec.prices, {
        inputTokens: prompt + (c === 0 && !isAnthropic ? system : 0),
        cacheWriteTokens: c === 0 && isAnthropic ? system : 0,
        cacheReadTokens: c === 0 ? 0 : system,
        ...out,
      });
    }
    byModel.set(spec.id, e);
  });
}
