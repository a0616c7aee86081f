// Resource exchange (DESIGN 3.5, NegotiationArena's trading game): RED starts with
// {X: 25, Y: 5}, BLUE with {X: 5, Y: 25}; a proposal is a trade "RED gives ..., BLUE gives ...".
// Goals: maximise holdings (payoff = value of final minus initial holdings under the player's
// valuation, 1 per unit by default) or reach target holdings (1 if every target is met, else 0).
// The game ends on acceptance or at the iteration limit; each player may propose at most
// iterations/2 - 1 trades.
import { z } from 'zod';
import type { GameInstance } from '../src-shared/game';
import { isRecord } from './proposal-input';
import type { GameDefinition } from './types';

const holdingsSchema = z.record(z.string().regex(/^[A-Z]$/), z.number().int().nonnegative());
export type Holdings = Record<string, number>;

export const resourceExchangeParamsSchema = z
  .object({
    goal: z.enum(['maximise', 'target']).default('maximise').meta({
      title: 'Goal',
      description:
        "maximise: the value gained under the player's own valuation; target: 1 if every target holding is reached, else 0.",
    }),
    iterations: z.number().int().min(4).max(100).default(8).meta({
      title: 'Iterations',
      description: 'Turns in all; each player may propose at most iterations/2 - 1 trades.',
    }),
    red: holdingsSchema.default({ X: 25, Y: 5 }).meta({
      title: 'RED starts with',
      description: 'Units of each resource (one capital letter) RED holds at the start.',
    }),
    blue: holdingsSchema.default({ X: 5, Y: 25 }).meta({
      title: 'BLUE starts with',
      description: 'Units of each resource (one capital letter) BLUE holds at the start.',
    }),
    /** Value per unit (maximise goal); default 1 for every resource, or set by competition. */
    redValues: holdingsSchema.optional().meta({
      title: 'RED values a unit at',
      description:
        'Maximise goal: what a unit of each resource is worth to RED. Default 1 each, or set by the competition level.',
    }),
    blueValues: holdingsSchema.optional().meta({
      title: 'BLUE values a unit at',
      description:
        'Maximise goal: what a unit of each resource is worth to BLUE. Default 1 each, or set by the competition level.',
    }),
    /** Target holdings (target goal); default 15 of every resource. */
    redTarget: holdingsSchema.optional().meta({
      title: 'RED target',
      description: 'Target goal: the holdings RED must reach. Default 15 of every resource.',
    }),
    blueTarget: holdingsSchema.optional().meta({
      title: 'BLUE target',
      description: 'Target goal: the holdings BLUE must reach. Default 15 of every resource.',
    }),
    /** Maximise goal: level c sets each side's value of the resource it lacks to 1 + 2(1 - c). */
    competition: z.number().min(0).max(1).optional(),
  })
  .strict();
export type ResourceExchangeParams = z.infer<typeof resourceExchangeParamsSchema>;

export interface ExchangePrefs {
  color: 'RED' | 'BLUE';
  holdings: Holdings;
  values: Holdings;
  target: Holdings | null;
}
export interface Trade {
  redGives: Holdings;
  blueGives: Holdings;
}
type Instance = GameInstance<ResourceExchangeParams, ExchangePrefs>;

const resourcesOf = (p: ResourceExchangeParams) =>
  [...new Set([...Object.keys(p.red), ...Object.keys(p.blue)])].sort();

const fmt = (h: Holdings) =>
  Object.entries(h)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ') || 'nothing';

/** Values per unit: given, else 1, except that competition c raises the lacking resource. */
function valuesOf(p: ResourceExchangeParams, own: Holdings, given?: Holdings): Holdings {
  if (given) return given;
  const names = resourcesOf(p);
  const lacking = names.reduce((a, b) => ((own[a] ?? 0) <= (own[b] ?? 0) ? a : b));
  const boost = p.competition === undefined ? 0 : 2 * (1 - p.competition);
  return Object.fromEntries(names.map((r) => [r, r === lacking ? 1 + boost : 1]));
}

/** Holdings after `trade`, for seat `seat` (0 = RED). */
export function afterTrade(holdings: Holdings, trade: Trade, seat: number): Holdings {
  const [gives, gets] =
    seat === 0 ? [trade.redGives, trade.blueGives] : [trade.blueGives, trade.redGives];
  const out: Holdings = { ...holdings };
  for (const [r, v] of Object.entries(gives)) out[r] = (out[r] ?? 0) - v;
  for (const [r, v] of Object.entries(gets)) out[r] = (out[r] ?? 0) + v;
  return out;
}

const value = (h: Holdings, values: Holdings) =>
  Object.entries(h).reduce((s, [r, v]) => s + v * (values[r] ?? 1), 0);
const meets = (h: Holdings, target: Holdings) =>
  Object.entries(target).every(([r, v]) => (h[r] ?? 0) >= v);

/** The payoff of seat `seat` holding `h` at the end (DESIGN 3.5). */
export function exchangePayoff(pref: ExchangePrefs, h: Holdings): number {
  if (pref.target) return meets(h, pref.target) ? 1 : 0;
  return Math.round((value(h, pref.values) - value(pref.holdings, pref.values)) * 1e9) / 1e9;
}

function check(params: ResourceExchangeParams, nAgents: number): string[] {
  const p = resourceExchangeParamsSchema.safeParse(params);
  if (!p.success) return p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return nAgents === 2 ? [] : [`resource exchange is for 2 agents (RED and BLUE), got ${nAgents}`];
}

function readSide(raw: unknown, names: readonly string[], who: string): Holdings | string {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) return `${who} must be an object like {"X": 5}`;
  const out: Holdings = {};
  for (const [k, v] of Object.entries(raw)) {
    const r = k.trim().toUpperCase();
    if (!names.includes(r))
      return `unknown resource "${k}" in ${who}; the resources are ${names.join(', ')}`;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      return `${who}.${r} must be a whole number of units, got ${JSON.stringify(v)}`;
    if (n > 0) out[r] = (out[r] ?? 0) + n;
  }
  return out;
}

function rulesText(p: ResourceExchangeParams): string {
  return [
    `Player RED (Agent_1) starts with ${fmt(p.red)}; player BLUE (Agent_2) starts with ${fmt(p.blue)}.`,
    'They trade resources: a proposal says what RED gives and what BLUE gives.',
    `RED proposes first; the players then alternate for at most ${p.iterations} turns, and each may propose at most ${Math.floor(p.iterations / 2) - 1} trades.`,
    'Accepting the standing proposal carries the trade out and ends the game; REJECT only declines it. No player can give resources it does not hold.',
    p.goal === 'maximise'
      ? 'Each player wants to maximise the total value of its resources under its own private valuation.'
      : 'Each player has private target holdings it wants to reach by the end.',
  ].join('\n');
}

/** NegotiationArena's trading game (DESIGN 3.5), played with alternating offers. */
export const resourceExchange: GameDefinition<ResourceExchangeParams, ExchangePrefs, Trade> = {
  kind: 'resource-exchange',
  title: 'Resource exchange',
  protocols: ['alternating-offers'],
  paramsSchema: resourceExchangeParamsSchema,
  check,
  create(rawParams, nAgents, seed): Instance {
    const errors = check(rawParams, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const p = resourceExchangeParamsSchema.parse(rawParams);
    const names = resourcesOf(p);
    const target = (given?: Holdings) =>
      p.goal === 'target' ? (given ?? Object.fromEntries(names.map((r) => [r, 15]))) : null;
    const preferences: ExchangePrefs[] = [
      {
        color: 'RED',
        holdings: p.red,
        values: valuesOf(p, p.red, p.redValues),
        target: target(p.redTarget),
      },
      {
        color: 'BLUE',
        holdings: p.blue,
        values: valuesOf(p, p.blue, p.blueValues),
        target: target(p.blueTarget),
      },
    ];
    return {
      kind: 'resource-exchange',
      params: p,
      nAgents,
      seed,
      rules: rulesText(p),
      preferences,
      realised: { resources: names, proposalLimit: Math.floor(p.iterations / 2) - 1 },
      competitionIndex: p.goal === 'maximise' ? (p.competition ?? 1) : 1,
      warnings: [],
    };
  },
  /** Maximise goal: each side values the resource it lacks at 1 + 2(1 - level); level 1 = 1 (constant-sum). */
  withCompetition: (params, level) => ({ ...params, competition: level }),
  validateProposal(instance, proposal) {
    const names = resourcesOf(instance.params);
    if (!isRecord(proposal))
      return { ok: false, error: 'a trade is {"redGives": {"X": n}, "blueGives": {"Y": m}}' };
    const key = (k: string) =>
      Object.keys(proposal).find((x) => x.replace(/[\s_]/g, '').toLowerCase() === k);
    const red = readSide(proposal[key('redgives') ?? 'redGives'], names, 'redGives');
    const blue = readSide(proposal[key('bluegives') ?? 'blueGives'], names, 'blueGives');
    if (typeof red === 'string') return { ok: false, error: red };
    if (typeof blue === 'string') return { ok: false, error: blue };
    if (Object.keys(red).length + Object.keys(blue).length === 0)
      return { ok: false, error: 'the trade is empty: someone must give something' };
    for (const [side, gives, holds] of [
      ['RED', red, instance.preferences[0].holdings],
      ['BLUE', blue, instance.preferences[1].holdings],
    ] as const) {
      for (const [r, v] of Object.entries(gives)) {
        if (v > (holds[r] ?? 0))
          return {
            ok: false,
            error: `${side} cannot give ${v} ${r}: it holds only ${holds[r] ?? 0}`,
          };
      }
    }
    return { ok: true, proposal: { redGives: red, blueGives: blue } };
  },
  rawUtilities: (instance, trade) =>
    instance.preferences.map((p, seat) => exchangePayoff(p, afterTrade(p.holdings, trade, seat))),
  describeProposal: (_instance, trade) =>
    `RED gives ${fmt(trade.redGives)} | BLUE gives ${fmt(trade.blueGives)}`,
  describePreferences(instance, agent) {
    const me = instance.preferences[agent];
    const goal = me.target
      ? `Your goal: end with at least ${fmt(me.target)} (payoff 1 if you do, else 0).`
      : `Your values per unit: ${Object.entries(me.values)
          .map(([r, v]) => `${r} ${v}`)
          .join(
            ', ',
          )}. Your payoff is the value of what you hold at the end minus the value of what you started with.`;
    return `You are player ${me.color}. You hold ${fmt(me.holdings)}. ${goal}`;
  },
  proposalFormat: () =>
    '{"redGives": {"X": <units>}, "blueGives": {"Y": <units>}}, e.g. {"redGives": {"X": 5}, "blueGives": {"Y": 5}}',
  outcomeSpace(instance) {
    const [red, blue] = instance.preferences.map((p) => p.holdings);
    const out: Trade[] = [];
    for (let a = 0; a <= (red.X ?? 0); a += 5)
      for (let b = 0; b <= (blue.Y ?? 0); b += 5)
        if (a + b > 0) out.push({ redGives: a ? { X: a } : {}, blueGives: b ? { Y: b } : {} });
    return { exact: false, outcomes: out };
  },
  alternating: {
    turnLimit: (instance) => instance.params.iterations,
    offerCap: (instance) => Math.floor(instance.params.iterations / 2) - 1,
    lastTurnRespondsOnly: () => false,
    rejectEnds: () => false,
    noDealUtilities: (instance) => instance.preferences.map((p) => exchangePayoff(p, p.holdings)),
    measures(instance, deal) {
      const final = instance.preferences.map((p, seat) =>
        deal ? afterTrade(p.holdings, deal.proposal, seat) : p.holdings,
      );
      return {
        goal: instance.params.goal,
        trade: deal?.proposal ?? null,
        finalHoldings: final,
        goalReached: instance.preferences.map((p, i) =>
          p.target ? meets(final[i], p.target) : null,
        ),
      };
    },
  },
};
