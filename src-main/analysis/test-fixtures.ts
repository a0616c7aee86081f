// Tiny hand-made games for the analysis tests (not used at run time): item allocation over a
// small exact space, and continuous games whose optimum lies off their representative grid.
import { z } from 'zod';
import type { GameInstance, GameOutcome } from '../../src-shared/game';
import type { GameDefinition } from '../../games/types';

function baseDefinition(): Omit<
  GameDefinition,
  'create' | 'validateProposal' | 'rawUtilities' | 'outcomeSpace'
> {
  return {
    kind: 'item-allocation',
    title: 'test game',
    paramsSchema: z.object({}),
    withCompetition: (p) => p,
    check: () => [],
    describeProposal: (_i, p) => JSON.stringify(p),
    describePreferences: (_i, a) => `agent ${a}`,
    proposalFormat: () => '{}',
  };
}

function instanceOf(
  preferences: unknown[],
  params: Record<string, unknown> = {},
): GameInstance<any, any> {
  return {
    kind: 'item-allocation',
    params,
    nAgents: preferences.length,
    seed: 0,
    rules: '',
    preferences,
    realised: {},
    competitionIndex: 0,
    warnings: [],
  };
}

/** Item allocation: proposal = owner index per item; values[i][k] = agent i's value of item k. */
export function itemGame(values: number[][]): { game: GameDefinition; instance: GameInstance } {
  const nAgents = values.length;
  const m = values[0].length;
  const game: GameDefinition<unknown, number[], number[]> = {
    ...baseDefinition(),
    create: () => instanceOf(values),
    validateProposal: (_inst, p) =>
      Array.isArray(p) &&
      p.length === m &&
      p.every((o) => Number.isInteger(o) && o >= 0 && o < nAgents)
        ? { ok: true, proposal: p as number[] }
        : { ok: false, error: 'bad allocation' },
    rawUtilities: (inst, p) =>
      inst.preferences.map((v, i) => p.reduce((s, owner, k) => s + (owner === i ? v[k] : 0), 0)),
    outcomeSpace: () => {
      const outcomes: number[][] = [];
      for (let code = 0; code < nAgents ** m; code++) {
        const alloc: number[] = [];
        let c = code;
        for (let k = 0; k < m; k++) {
          alloc.unshift(c % nAgents);
          c = Math.floor(c / nAgents);
        }
        outcomes.push(alloc);
      }
      return { exact: true, outcomes };
    },
  };
  return { game, instance: instanceOf(values) };
}

/** Treaty-like: issues a_k in [0, 1]; u_i = 100 sum_k w_ik (1 - |p_ik - a_k|); grid in steps of 1/4. */
export function treatyGame(
  positions: number[][],
  weights: number[][],
): { game: GameDefinition; instance: GameInstance } {
  const k = positions[0].length;
  const grid = [0, 0.25, 0.5, 0.75, 1];
  const game: GameDefinition<unknown, { p: number[]; w: number[] }, { a: number[] }> = {
    ...baseDefinition(),
    create: () => instance,
    validateProposal: (_inst, prop: any) =>
      Array.isArray(prop?.a) &&
      prop.a.length === k &&
      prop.a.every((x: unknown) => typeof x === 'number' && x >= 0 && x <= 1)
        ? { ok: true, proposal: { a: [...prop.a] } }
        : { ok: false, error: 'bad settlement' },
    rawUtilities: (inst, prop) =>
      inst.preferences.map(
        ({ p, w }) => 100 * p.reduce((s, pk, j) => s + w[j] * (1 - Math.abs(pk - prop.a[j])), 0),
      ),
    outcomeSpace: () => {
      let points: number[][] = [[]];
      for (let j = 0; j < k; j++) points = points.flatMap((pt) => grid.map((g) => [...pt, g]));
      return { exact: false, outcomes: points.map((a) => ({ a })) };
    },
  };
  const instance = instanceOf(positions.map((p, i) => ({ p, w: weights[i] })));
  return { game, instance };
}

/** One continuous issue x in [0, 1]: u_1 = 100 x, u_2 = 100 (1 - x)^2; grid in steps of 1/4. */
export function pieGame(): { game: GameDefinition; instance: GameInstance } {
  const game: GameDefinition<unknown, null, { x: number }> = {
    ...baseDefinition(),
    create: () => instanceOf([null, null]),
    validateProposal: (_inst, prop: any) =>
      typeof prop?.x === 'number' && prop.x >= 0 && prop.x <= 1
        ? { ok: true, proposal: { x: prop.x } }
        : { ok: false, error: 'x in [0, 1]' },
    rawUtilities: (_inst, { x }) => [100 * x, 100 * (1 - x) ** 2],
    outcomeSpace: () => ({ exact: false, outcomes: [0, 0.25, 0.5, 0.75, 1].map((x) => ({ x })) }),
  };
  return { game, instance: instanceOf([null, null]) };
}

/** An outcome as the engine would record it for a deal in `round` with discount gamma. */
export function dealOutcome(
  game: GameDefinition,
  instance: GameInstance,
  proposal: unknown,
  round: number,
  gamma: number,
): GameOutcome {
  const raw = game.rawUtilities(instance, proposal);
  const zeros = raw.map(() => 0);
  return {
    deal: true,
    round,
    proposal,
    proposer: 0,
    rawUtilities: raw,
    utilities: raw.map((u) => u * gamma ** (round - 1)),
    invalidProposals: [1, 0],
    syntheticVotes: zeros,
    parseFailures: zeros,
  };
}

export function noDealOutcome(nAgents: number): GameOutcome {
  const zeros = new Array<number>(nAgents).fill(0);
  return {
    deal: false,
    round: null,
    proposal: null,
    proposer: null,
    rawUtilities: zeros,
    utilities: zeros,
    invalidProposals: zeros,
    syntheticVotes: [0, 2],
    parseFailures: zeros,
  };
}
