// Multi-turn ultimatum (DESIGN 3.5, NegotiationArena): RED holds a pot, BLUE holds nothing; RED
// proposes how much each keeps, then the players alternate. Each player may make at most
// iterations/2 proposals and the last mover may only accept or reject. What a rejection (or the
// end of the turns without a deal) pays is a stated parameter: "nothing" (as the published
// prompt says, the default) or "keep" (as the published code does: RED keeps the pot).
import { z } from 'zod';
import type { GameInstance } from '../src-shared/game';
import { isRecord } from './proposal-input';
import type { GameDefinition } from './types';

export const ultimatumParamsSchema = z
  .object({
    /** Units RED holds at the start. */
    pot: z.number().int().min(2).max(1_000_000).default(100),
    /** Turn limit (NegotiationArena's iterations); each player proposes at most iterations/2 times. */
    iterations: z.number().int().min(2).max(100).default(8),
    /** What a rejection or running out of turns pays: nothing for both, or the initial holdings. */
    onReject: z.enum(['nothing', 'keep']).default('nothing'),
  })
  .strict();
export type UltimatumParams = z.infer<typeof ultimatumParamsSchema>;

export interface UltimatumPrefs {
  /** 'RED' holds the pot; 'BLUE' holds nothing. */
  color: 'RED' | 'BLUE';
  holdings: number;
}
/** Units each player keeps, e.g. { red: 60, blue: 40 }. */
export interface UltimatumSplit {
  red: number;
  blue: number;
}
type Instance = GameInstance<UltimatumParams, UltimatumPrefs>;

function rulesText(p: UltimatumParams): string {
  const rejection =
    p.onReject === 'nothing'
      ? 'If the final offer is rejected, or no offer is accepted in time, both players get nothing.'
      : `If the final offer is rejected, or no offer is accepted in time, each player keeps what it started with (RED ${p.pot}, BLUE 0).`;
  return [
    `Player RED (Agent_1) holds ${p.pot} units of money; player BLUE (Agent_2) holds nothing.`,
    'They negotiate how the money is split: a proposal says how many units each player keeps.',
    `RED proposes first; the players then alternate for at most ${p.iterations} turns. Each player may make at most ${Math.floor(p.iterations / 2)} proposals, and the last mover may only accept or reject.`,
    'Accepting a proposal ends the game with that split. Rejecting ends the game with no deal.',
    rejection,
  ].join('\n');
}

function check(params: UltimatumParams, nAgents: number): string[] {
  const p = ultimatumParamsSchema.safeParse(params);
  if (!p.success) return p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return nAgents === 2 ? [] : [`the ultimatum game is for 2 agents (RED and BLUE), got ${nAgents}`];
}

function read(raw: Record<string, unknown>, key: 'red' | 'blue'): unknown {
  const found = Object.keys(raw).find((k) => k.trim().toLowerCase() === key);
  return found === undefined ? undefined : raw[found];
}

/** Multi-turn ultimatum (DESIGN 3.5), played with alternating offers. */
export const ultimatum: GameDefinition<UltimatumParams, UltimatumPrefs, UltimatumSplit> = {
  kind: 'ultimatum',
  title: 'Ultimatum',
  protocols: ['alternating-offers'],
  paramsSchema: ultimatumParamsSchema,
  check,
  create(rawParams, nAgents, seed): Instance {
    const errors = check(rawParams, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const params = ultimatumParamsSchema.parse(rawParams);
    return {
      kind: 'ultimatum',
      params,
      nAgents,
      seed,
      rules: rulesText(params),
      preferences: [
        { color: 'RED', holdings: params.pot },
        { color: 'BLUE', holdings: 0 },
      ],
      realised: {
        pot: params.pot,
        onReject: params.onReject,
        proposalLimit: Math.floor(params.iterations / 2),
      },
      competitionIndex: 1,
      warnings: [],
    };
  },
  /** The ultimatum game is constant-sum: competition levels leave it unchanged (index 1). */
  withCompetition: (params) => params,
  validateProposal(instance, proposal) {
    const pot = instance.params.pot;
    const format = `a proposal is {"red": <units RED keeps>, "blue": <units BLUE keeps>}, whole numbers summing to ${pot}`;
    if (!isRecord(proposal)) return { ok: false, error: format };
    const [red, blue] = [read(proposal, 'red'), read(proposal, 'blue')].map(Number);
    if (!Number.isInteger(red) || !Number.isInteger(blue) || red < 0 || blue < 0)
      return { ok: false, error: format };
    if (red + blue !== pot)
      return {
        ok: false,
        error: `the split ${red} + ${blue} = ${red + blue} must use exactly the pot of ${pot}`,
      };
    return { ok: true, proposal: { red, blue } };
  },
  rawUtilities: (_instance, split) => [split.red, split.blue],
  describeProposal: (_instance, split) => `RED keeps ${split.red}, BLUE keeps ${split.blue}`,
  describePreferences(instance, agent) {
    const me = instance.preferences[agent];
    return `You are player ${me.color}. You hold ${me.holdings} units; your payoff is the number of units you keep at the end.`;
  },
  proposalFormat: (instance) =>
    `{"red": <units RED keeps>, "blue": <units BLUE keeps>} summing to ${instance.params.pot}, e.g. {"red": 60, "blue": 40}`,
  outcomeSpace(instance) {
    const pot = instance.params.pot;
    const step = Math.max(1, Math.floor(pot / 100));
    const out: UltimatumSplit[] = [];
    for (let red = 0; red <= pot; red += step) out.push({ red, blue: pot - red });
    return { exact: step === 1, outcomes: out };
  },
  alternating: {
    turnLimit: (instance) => instance.params.iterations,
    offerCap: (instance) => Math.floor(instance.params.iterations / 2),
    lastTurnRespondsOnly: () => true,
    rejectEnds: () => true,
    noDealUtilities: (instance) =>
      instance.params.onReject === 'keep' ? instance.preferences.map((p) => p.holdings) : [0, 0],
    measures(instance, deal) {
      const pot = instance.params.pot;
      const base = { pot, onReject: instance.params.onReject };
      if (deal === null) return { ...base, split: null, redShare: null, blueShare: null };
      return {
        ...base,
        split: deal.proposal,
        redShare: deal.proposal.red / pot,
        blueShare: deal.proposal.blue / pot,
      };
    },
  },
};
