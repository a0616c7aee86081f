import { describe, expect, it } from 'vitest';
import { splitInteger } from './cofunding-outcomes';
import { cofunding, cofundingParamsSchema } from './cofunding';

const defaults = cofundingParamsSchema.parse({});

/** Three projects (costs 20, 30, 10), budgets 25 each, hand-set values. */
function handInstance() {
  const instance = cofunding.create({ ...defaults, projects: 3 }, 2, 1);
  const costs = [20, 30, 10];
  return {
    ...instance,
    preferences: [
      { values: [50, 30, 20], budget: 25, costs },
      { values: [10, 60, 30], budget: 25, costs },
    ],
  };
}

function error(proposal: unknown): string {
  const result = cofunding.validateProposal(handInstance(), proposal);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

describe('co-funding: instances', () => {
  it('draws integer costs in range and budgets round(sigma C / n)', () => {
    const instance = cofunding.create(defaults, 2, 1);
    const costs = instance.preferences[0].costs;
    expect(costs).toEqual([25, 26, 11, 35, 34]);
    // C = 25 + 26 + 11 + 35 + 34 = 131; round(0.5 * 131 / 2) = round(32.75) = 33.
    expect(instance.preferences.map((p) => p.budget)).toEqual([33, 33]);
    expect(instance.realised).toMatchObject({
      costs,
      totalCost: 131,
      budget: 33,
      targetCosine: 0.5,
    });
    expect(instance.competitionIndex).toBe(0.25);
    for (let seed = 0; seed < 50; seed++) {
      const c = cofunding.create({ ...defaults, costMin: 3, costMax: 7 }, 3, seed).preferences[0]
        .costs;
      expect(c.every((x) => Number.isInteger(x) && x >= 3 && x <= 7)).toBe(true);
    }
  });

  it('is deterministic in the seed', () => {
    expect(cofunding.create(defaults, 2, 8)).toEqual(cofunding.create(defaults, 2, 8));
    expect(cofunding.create(defaults, 2, 8).preferences).not.toEqual(
      cofunding.create(defaults, 2, 9).preferences,
    );
  });

  it('checks the geometry of alpha and the cost range', () => {
    expect(cofunding.check({ ...defaults, projects: 2, alpha: 0 }, 3)).toEqual([
      'alpha 0 needs disjoint supports (each agent values different projects), so nAgents <= projects: got 3 agents and 2 projects',
    ]);
    expect(cofunding.check({ ...defaults, costMin: 10, costMax: 5 }, 2)).toEqual([
      'costMax: must be >= costMin (10), got 5',
    ]);
    expect(() => cofunding.create({ ...defaults, projects: 2, alpha: 0 }, 3, 1)).toThrow(
      'got 3 agents and 2 projects',
    );
  });

  it('maps a competition level onto alpha, keeping sigma', () => {
    // alpha = 1 - 0.3 / (1 - 0.5) = 0.4; CI = (1 - 0.4)(1 - 0.5) = 0.3.
    const params = cofunding.withCompetition(defaults, 0.3);
    expect(params.alpha).toBeCloseTo(0.4, 15);
    expect(params.sigma).toBe(0.5);
    expect(cofunding.create(params, 2, 1).competitionIndex).toBeCloseTo(0.3, 15);
    // Beyond 1 - sigma the level cannot be reached: alpha stops at 0 (CI = 0.5).
    expect(cofunding.withCompetition(defaults, 0.8).alpha).toBe(0);
    expect(cofunding.withCompetition({ ...defaults, sigma: 1 }, 0.25).alpha).toBe(0.75);
  });
});

describe('co-funding: proposals', () => {
  it('funds projects whose pledges reach the cost and charges only funded pledges', () => {
    const instance = handInstance();
    // Park: 15 + 5 = 20 >= 20 funded; Library: 0 + 20 < 30 unfunded (refunded); Bike lanes: 10 >= 10 funded.
    // Agent_1: (50 - 15) + (20 - 10) = 45. Agent_2: (10 - 5) + (30 - 0) = 35.
    expect(
      cofunding.rawUtilities(instance, {
        pledges: [
          [15, 0, 10],
          [5, 20, 0],
        ],
      }),
    ).toEqual([45, 35]);
    // Overfunding still costs the full pledge: Park gets 25 >= 20; Agent_1 50 - 20 = 30, Agent_2 10 - 5 = 5.
    expect(
      cofunding.rawUtilities(instance, {
        pledges: [
          [20, 0, 0],
          [5, 0, 0],
        ],
      }),
    ).toEqual([30, 5]);
    expect(
      cofunding.rawUtilities(instance, {
        pledges: [
          [0, 0, 0],
          [0, 0, 0],
        ],
      }),
    ).toEqual([0, 0]);
  });

  it('accepts the matrix and the keyed shape', () => {
    const ok = {
      ok: true,
      proposal: {
        pledges: [
          [15, 0, 10],
          [5, 20, 0],
        ],
      },
    };
    expect(
      cofunding.validateProposal(handInstance(), {
        pledges: [
          [15, 0, 10],
          [5, 20, 0],
        ],
      }),
    ).toEqual(ok);
    expect(
      cofunding.validateProposal(handInstance(), {
        Agent_1: { park: 15, 'bike lanes': 10 },
        agent_2: [5, 20, 0],
      }),
    ).toEqual(ok);
  });

  it('names the agent and the overspend, and every malformed entry', () => {
    expect(
      error({
        pledges: [
          [20, 0, 10],
          [0, 0, 0],
        ],
      }),
    ).toBe('Agent_1 pledges 30 in total, over its budget of 25 by 5');
    expect(error({ pledges: [[20, 0, 10]] })).toBe(
      'pledges must have 2 rows (one per agent, Agent_1 first), got 1',
    );
    expect(
      error({
        pledges: [
          [1, 2],
          [0, 0, 0],
        ],
      }),
    ).toBe(
      'pledges of Agent_1 must have 3 entries (one per project, in the order Park, Library, Bike lanes), got 2',
    );
    expect(
      error({
        pledges: [
          [-3, 0, 1.5],
          [0, 0, 0],
        ],
      }),
    ).toBe(
      'pledge of Agent_1 to Park must be a non-negative integer, got -3; pledge of Agent_1 to Bike lanes must be a non-negative integer, got 1.5',
    );
    expect(error({ Agent_3: {} })).toBe("unknown agent 'Agent_3' (agents are Agent_1, Agent_2)");
    expect(error({ Agent_1: { Zoo: 5 } })).toBe(
      "unknown project 'Zoo' (projects are Park, Library, Bike lanes)",
    );
  });

  it('describes proposals and preferences', () => {
    const instance = handInstance();
    expect(
      cofunding.describeProposal(instance, {
        pledges: [
          [15, 0, 10],
          [5, 20, 0],
        ],
      }),
    ).toBe(
      'Agent_1: Park 15, Bike lanes 10 | Agent_2: Park 5, Library 20 | funded: Park, Bike lanes',
    );
    expect(cofunding.describePreferences(instance, 1)).toBe(
      'Your private values (sum 100): Park 10, Library 60, Bike lanes 30. Your budget: 25.',
    );
  });
});

describe('co-funding: outcome space', () => {
  it('splits integers exactly by weight, equally when weights are all zero', () => {
    expect(splitInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitInteger(30, [50, 10])).toEqual([25, 5]);
    expect(splitInteger(7, [0, 0])).toEqual([4, 3]);
  });

  it('lists valid pledge matrices that fund exactly the affordable subsets', () => {
    const instance = handInstance();
    const { exact, outcomes } = cofunding.outcomeSpace(instance);
    expect(exact).toBe(false);
    const costs = [20, 30, 10];
    const fundedSets = new Set<string>();
    for (const o of outcomes) {
      expect(cofunding.validateProposal(instance, o)).toEqual({ ok: true, proposal: o });
      const totals = costs.map((_, k) => o.pledges[0][k] + o.pledges[1][k]);
      totals.forEach((t, k) => expect([0, costs[k]]).toContain(t));
      fundedSets.add(totals.map((t) => (t > 0 ? 1 : 0)).join(''));
    }
    // Combined budget 50 affords every subset except all three (cost 60).
    expect([...fundedSets].sort()).toEqual(['000', '001', '010', '011', '100', '101', '110']);
    expect(cofunding.outcomeSpace(instance)).toEqual({ exact, outcomes });
  });
});
