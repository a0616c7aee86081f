// One bargain run (run_N_experiment_results.json + run_N_all_interactions.json) as a finished
// Parley item-allocation game. Seats follow config.agents. The focal participant follows the
// research code's convention (models listed as [baseline, tested], reversed under strong_first):
// the last seat, or the first under strong_first. Without a stated order, the order is read from
// the seats' registry capability (arena_elo): stronger first = strong_first.
import { itemAllocation } from '../../games/item-allocation';
import type { GameInstance, ProtocolParams, TurnRecord } from '../../src-shared/game';
import type { Order } from '../../src-shared/planned-game';
import { contentId } from '../sweeps/canonical';
import type { ImportedCall, PublishedOutcome } from '../store/imports';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { BargainInteraction, BargainResults } from './bargain-schema';
import { recoverValues } from './bargain-prefs';
import {
  bargainTurns,
  callPhase,
  tallyAnnounced,
  tallyCounts,
  toParleyAllocation,
} from './bargain-turns';
import type { ModelMatcher } from './models';
import { compareOutcomes, recomputeOutcome, type AcceptedDeal } from './recompute';
import { ImportError, type ImportedGame } from './types';

/** The capability score imported sweeps place participants by (the registry's LMArena Elo). */
export const IMPORT_CAPABILITY_METRIC = 'arena_elo';

export interface BargainSource {
  results: BargainResults;
  interactions: BargainInteraction[] | null;
  resultsFile: string;
  interactionsName: string;
  sha256: string;
}

export function importBargainRun(src: BargainSource, models: ModelMatcher): ImportedGame {
  const { results } = src;
  const cfg = results.config;
  const gameType = (cfg as { game_type?: unknown }).game_type;
  if (gameType !== undefined && gameType !== 'item_allocation')
    throw new ImportError(
      `config.game_type is "${String(gameType)}"; Parley imports the bargain item_allocation games only`,
    );
  const agents = cfg.agents;
  if (agents.length !== cfg.n_agents)
    throw new ImportError(
      `config.agents lists ${agents.length} agents but config.n_agents is ${cfg.n_agents}`,
    );
  if (cfg.items.length !== cfg.m_items)
    throw new ImportError(
      `config.items lists ${cfg.items.length} items but config.m_items is ${cfg.m_items}`,
    );
  const seats = new Map(agents.map((a, i) => [a, i]));
  const participants = agents.map((a) => models.participant(modelOf(results, src.interactions, a)));
  const capabilities = participants.map((p) => p.scores[IMPORT_CAPABILITY_METRIC] ?? null);
  const order = orderOf(cfg, capabilities);
  // A file Parley exported names its focal agent; the research code's files follow the convention.
  const hinted = seats.get(
    (cfg as { parley?: { focal_agent?: string } }).parley?.focal_agent ?? '',
  );
  const focalSeat = hinted ?? (order === 'strong_first' ? 0 : agents.length - 1);
  const values = recoverValues(results, src.interactions, src.interactionsName);
  const instance = buildInstance(src, values.values);
  const protocol: ProtocolParams = {
    rounds: cfg.t_rounds,
    gamma: cfg.gamma_discount,
    discussionTurns: cfg.discussion_turns ?? maxDiscussionPasses(results),
    acceptance: 'unanimous',
    vetoHolders: [],
    maxProposalAttempts: 1,
  };
  if (values.from === 'setup prompts')
    instance.warnings.push(
      `Values recovered from the setup prompts of ${src.interactionsName} (0-10 scale, rounded to ±${values.precision}).`,
    );
  const ctx = { game: itemAllocation, instance, seats, file: src.resultsFile };
  const { turns, skipped } = bargainTurns(ctx, results.conversation_logs, src.interactions ?? []);
  if (skipped.length > 0) instance.warnings.push(`Not imported: ${skipped.join(', ')}.`);

  const calls = importedCalls(src.interactions ?? [], seats, participants);
  const flags: ImportedGame['flags'] = [];
  const deal = acceptedDeal(src, ctx, turns, flags);
  const outcome = recomputeOutcome(itemAllocation, instance, protocol, turns, deal);
  const published = publishedOutcome(results, agents);
  flags.push(
    ...compareOutcomes(published, outcome, {
      tolerance: values.precision * cfg.m_items + 1e-6,
      gamma: cfg.gamma_discount,
    }),
  );
  const runIndex = runIndexOf(results.experiment_id, src.resultsFile);
  return {
    format: 'bargain',
    planned: {
      id: contentId({ v: 1, format: 'bargain', sha256: src.sha256 }),
      kind: 'item-allocation',
      params: instance.params,
      protocol,
      nAgents: agents.length,
      participants,
      seed: instance.seed,
      runIndex,
      order,
      competitionLevel: cfg.competition_level,
      rho: null,
      theta: null,
      alpha: null,
      sigma: null,
      focalId: participants[focalSeat].id,
      focalCapability: capabilities[focalSeat],
      capabilities,
    },
    instance,
    turns,
    calls,
    outcome,
    published,
    flags,
    isTruncated: false,
    group: results.experiment_id.replace(/_run_\d+$/, ''),
    sourceFile: src.resultsFile,
    sourceSha256: src.sha256,
  };
}

/** The calls the newer files report with their token usage (older files report none). */
function importedCalls(
  interactions: readonly BargainInteraction[],
  seats: ReadonlyMap<string, number>,
  participants: readonly ParticipantSpec[],
): ImportedCall[] {
  return interactions.flatMap((e) => {
    const usage = (e as { token_usage?: Record<string, unknown> | null }).token_usage;
    const phase = callPhase(e.phase);
    const agent = seats.get(e.agent_id);
    if (!usage || phase === null || agent === undefined) return [];
    const n = (k: string) => (typeof usage[k] === 'number' ? (usage[k] as number) : 0);
    const p = participants[agent];
    const ts = (e as { timestamp?: unknown }).timestamp;
    return [
      {
        round: e.round,
        phase,
        agent,
        provider: p.kind === 'llm' ? p.provider : 'strategy',
        model: e.model_name ?? (p.kind === 'llm' ? p.model : p.id),
        inputTokens: n('input_tokens'),
        outputTokens: n('output_tokens'),
        reasoningTokens: n('reasoning_tokens'),
        answeredAt: typeof ts === 'number' ? new Date(ts * 1000).toISOString() : null,
      },
    ];
  });
}

function modelOf(
  results: BargainResults,
  interactions: BargainInteraction[] | null,
  agent: string,
): string {
  const model =
    results.agent_performance[agent]?.model ??
    interactions?.find((e) => e.agent_id === agent && e.model_name)?.model_name;
  if (!model) throw new ImportError(`field agent_performance.${agent}.model: missing`);
  return model;
}

function orderOf(cfg: BargainResults['config'], capabilities: (number | null)[]): Order {
  const stated = cfg.actual_order ?? cfg.model_order;
  if (stated === 'weak_first' || stated === 'strong_first') return stated;
  const [first, last] = [capabilities[0], capabilities[capabilities.length - 1]];
  return first !== null && last !== null && first > last ? 'strong_first' : 'weak_first';
}

function buildInstance(src: BargainSource, values: number[][]): GameInstance {
  const cfg = src.results.config;
  const names = cfg.items.map((i) => i.name);
  const published = Object.values(cfg.preferences_summary?.cosine_similarities ?? {});
  const rules = src.interactions?.find((e) => e.phase === 'game_setup')?.prompt;
  return {
    kind: 'item-allocation',
    params: { items: cfg.m_items, competition: cfg.competition_level, itemNames: names },
    nAgents: cfg.agents.length,
    // The run number stands in for a seed the file does not state (the order view pairs by seed).
    seed: cfg.random_seed ?? runIndexOf(src.results.experiment_id, src.resultsFile) + 1,
    rules: rules ?? `Imported from ${src.resultsFile}; the rules text is not in the file.`,
    preferences: values.map((v) => ({ values: v })),
    realised: {
      targetCosine: cfg.competition_level,
      cosines: pairwiseCosines(values),
      publishedCosines: published,
    },
    competitionIndex: cfg.competition_level,
    warnings: [],
  };
}

export function pairwiseCosines(vectors: readonly number[][]): number[] {
  const out: number[] = [];
  const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++) {
      const dot = vectors[i].reduce((s, x, k) => s + x * vectors[j][k], 0);
      const d = norm(vectors[i]) * norm(vectors[j]);
      out.push(d === 0 ? 0 : dot / d);
    }
  return out;
}

function maxDiscussionPasses(results: BargainResults): number {
  const count = new Map<string, number>();
  for (const e of results.conversation_logs) {
    if (e.phase !== 'discussion') continue;
    const key = `${e.round}/${e.from}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return Math.max(0, ...count.values());
}

/**
 * The accepted proposal: final_allocation when the file has it, otherwise (older files) the first
 * proposal the final round's tally counts show accepted by every agent, as the research code picks
 * it. That code announces the last proposal's number whatever won, so a tally text naming another
 * proposal than the one accepted is flagged. The final tally's `accepted` is set to the deal.
 */
function acceptedDeal(
  src: BargainSource,
  ctx: Parameters<typeof bargainTurns>[0],
  turns: TurnRecord[],
  flags: ImportedGame['flags'],
): AcceptedDeal | null {
  const { results } = src;
  if (!results.consensus_reached) return null;
  const round = results.final_round;
  const logs = results.conversation_logs.filter((e) => e.round === round);
  const listed = (
    logs.find((e) => e.phase === 'proposal_enumeration')?.enumerated_proposals ?? []
  ).map((p) => ({
    ...p,
    check: toParleyAllocation(ctx.game, ctx.instance, p.allocation, ctx.seats),
  }));
  const tally = logs.find((e) => e.phase === 'vote_tabulation')?.content ?? '';
  const counts = tallyCounts(tally);
  const announced = tallyAnnounced(tally);
  const final = results.final_allocation;
  const hasFinal = final && !Array.isArray(final) && Object.keys(final).length > 0;
  const same = (p: (typeof listed)[number], proposal: unknown) =>
    p.check.ok && JSON.stringify(p.check.proposal) === JSON.stringify(proposal);
  let number: number | undefined;
  let raw: Record<string, number[]> | undefined;
  if (hasFinal) {
    raw = final;
    const check = toParleyAllocation(ctx.game, ctx.instance, final, ctx.seats);
    const matches = check.ok ? listed.filter((p) => same(p, check.proposal)) : [];
    number = (matches.find((p) => p.proposal_number === announced) ?? matches[0])?.proposal_number;
  } else {
    number = [...counts.keys()]
      .sort((a, b) => a - b)
      .find((k) => counts.get(k) === ctx.instance.nAgents);
    raw = listed.find((p) => p.proposal_number === number)?.allocation;
  }
  if (announced !== null && number !== undefined && announced !== number)
    flags.push({
      code: 'tally_text',
      message: `round ${round}'s tally text announces proposal #${announced} but #${number} was accepted (${hasFinal ? 'final_allocation' : 'by its counts'}); Parley takes #${number}`,
    });
  if (!raw) {
    flags.push({
      code: 'deal_unresolved',
      message: `the file reports a deal in round ${round} but no proposal was accepted by all`,
    });
    return null;
  }
  const check = toParleyAllocation(ctx.game, ctx.instance, raw, ctx.seats);
  if (!check.ok) {
    flags.push({
      code: 'invalid_deal',
      message: `the accepted allocation is not valid under Parley's rules: ${check.error}`,
    });
    return null;
  }
  const proposer = listed.find((p) => p.proposal_number === number)?.proposer;
  const last = turns.findLast((t) => t.phase === 'tally' && t.round === round);
  if (last && number !== undefined) last.action = { ...(last.action as object), accepted: number };
  return {
    round,
    proposal: check.proposal,
    proposer: proposer === undefined ? null : (ctx.seats.get(proposer) ?? null),
  };
}

function publishedOutcome(results: BargainResults, agents: readonly string[]): PublishedOutcome {
  const fu = results.final_utilities ?? {};
  const utilities = agents.map((a) => fu[a] ?? results.agent_performance[a]?.final_utility ?? null);
  const final = results.final_allocation;
  return {
    deal: results.consensus_reached,
    round: results.consensus_reached ? results.final_round : null,
    utilities,
    ...(final && !Array.isArray(final) && Object.keys(final).length > 0
      ? { detail: { final_allocation: final } }
      : {}),
  };
}

function runIndexOf(experimentId: string, file: string): number {
  const m = /_run_(\d+)$/.exec(experimentId) ?? /run_(\d+)_experiment_results\.json$/.exec(file);
  return m ? Math.max(0, Number(m[1]) - 1) : 0;
}
