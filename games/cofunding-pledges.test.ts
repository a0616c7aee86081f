// The research preset of co-funding (costs U[10, 30], the pledge protocol) and the game side of
// that protocol: per-agent pledge vectors, their validation, and the joint proposal they form.
import { describe, expect, it } from 'vitest';
import { cofunding, cofundingParamsSchema, COFUNDING_PRESETS } from './cofunding';
import { combinePledges, pledgeTotals } from './cofunding-proposal';

/** The research preset on three projects (costs 20, 30, 10), budgets 25, hand-set values. */
function handInstance() {
  const params = cofundingParamsSchema.parse({ preset: 'research', projects: 3 });
  const instance = cofunding.create(params, 2, 1);
  const costs = [20, 30, 10];
  return {
    ...instance,
    preferences: [
      { values: [50, 30, 20], budget: 25, costs },
      { values: [10, 60, 30], budget: 25, costs },
    ],
  };
}

describe('co-funding: research preset', () => {
  it('fills in the research code costs and the pledge protocol, under explicit values', () => {
    expect(COFUNDING_PRESETS.research).toEqual({ costMin: 10, costMax: 30, proposals: 'pledges' });
    expect(cofundingParamsSchema.parse({ preset: 'research' })).toEqual({
      preset: 'research',
      projects: 5,
      costMin: 10,
      costMax: 30,
      alpha: 0.5,
      sigma: 0.5,
      proposals: 'pledges',
    });
    expect(cofundingParamsSchema.parse({ preset: 'research', costMax: 40 }).costMax).toBe(40);
    expect(cofundingParamsSchema.parse({}).proposals).toBe('table');
    const bad = cofundingParamsSchema.safeParse({ preset: 'paper' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['preset']);
    expect(cofunding.check({ preset: 'paper' } as never, 2)).toEqual([
      expect.stringMatching(/^preset: /),
    ]);
  });

  it('draws costs from U[10, 30], the same for the same seed', () => {
    const params = cofundingParamsSchema.parse({ preset: 'research' });
    const seen = new Set<number>();
    for (let seed = 0; seed < 200; seed++) {
      for (const c of cofunding.create(params, 2, seed).preferences[0].costs) seen.add(c);
    }
    expect(Math.min(...seen)).toBe(10);
    expect(Math.max(...seen)).toBe(30);
    expect(seen.size).toBe(21);
    expect(cofunding.create(params, 2, 7)).toEqual(cofunding.create(params, 2, 7));
  });

  it('tells the agents they propose their own pledges', () => {
    const instance = cofunding.create(cofundingParamsSchema.parse({ preset: 'research' }), 2, 1);
    expect(instance.rules).toContain(
      'Every round, each agent proposes only its own pledges (one amount per project); the pledges of all agents together form the joint proposal, which takes effect only if it is accepted under the voting rule.',
    );
    expect(instance.rules).not.toContain('a full table');
  });
});

describe('co-funding: pledge protocol', () => {
  it('is off for full-table proposals', () => {
    const instance = cofunding.create(cofundingParamsSchema.parse({}), 2, 1);
    expect(cofunding.jointProposal!(instance)).toBeNull();
  });

  it('validates one agent vector: list, keyed, and its errors', () => {
    const joint = cofunding.jointProposal!(handInstance())!;
    expect(joint.validatePart(0, { pledges: [15, 0, 10] })).toEqual({
      ok: true,
      proposal: [15, 0, 10],
    });
    expect(joint.validatePart(1, { Library: 20, park: 5 })).toEqual({
      ok: true,
      proposal: [5, 20, 0],
    });
    expect(joint.validatePart(1, [5, 20, 0])).toEqual({ ok: true, proposal: [5, 20, 0] });
    expect(joint.validatePart(0, { pledges: [20, 0, 10] })).toEqual({
      ok: false,
      error: 'Agent_1 pledges 30 in total, over its budget of 25 by 5',
    });
    expect(joint.validatePart(1, { pledges: [1, 2] })).toEqual({
      ok: false,
      error:
        'pledges of Agent_2 must have 3 entries (one per project, in the order Park, Library, Bike lanes), got 2',
    });
    expect(joint.validatePart(0, { pledges: [-1, 0, 0] })).toEqual({
      ok: false,
      error: 'pledge of Agent_1 to Park must be a non-negative integer, got -1',
    });
    expect(joint.validatePart(0, 'ten to the park')).toEqual({
      ok: false,
      error:
        'proposal must be {"pledges": [your pledge per project, in the order Park, Library, Bike lanes]}, got \'ten to the park\'',
    });
    expect(joint.partFormat).toBe(
      'Reply with JSON {"pledges": [...]} giving your own pledge to each project, one whole, non-negative amount per project in the order Park, Library, Bike lanes, adding up to at most your budget of 25, e.g. {"pledges": [5,0,0]}.',
    );
  });

  it('combines the vectors into the joint proposal that is scored and described', () => {
    const instance = handInstance();
    const joint = cofunding.jointProposal!(instance)!;
    const parts = [
      [15, 0, 10],
      [5, 20, 0],
    ];
    const proposal = joint.combine(parts);
    expect(proposal).toEqual({ pledges: parts });
    // The sum of the vectors: Park 20 >= 20 and Bike lanes 10 >= 10 are funded, Library 20 < 30.
    expect(pledgeTotals(proposal.pledges)).toEqual([20, 20, 10]);
    // Agent_1 pays 25 for (50 + 20): 45; Agent_2 pays 5 (its 20 to the Library is returned): 35.
    expect(cofunding.rawUtilities(instance, proposal)).toEqual([45, 35]);
    expect(cofunding.validateProposal(instance, proposal)).toEqual({ ok: true, proposal });
    expect(cofunding.describeProposal(instance, proposal)).toBe(
      'Agent_1: Park 15, Bike lanes 10 | Agent_2: Park 5, Library 20 | funded: Park, Bike lanes',
    );
    expect([0, 1].map((i) => joint.partOf(proposal, i))).toEqual(parts);
    // Pure: the joint proposal does not alias the parts.
    parts[0][0] = 99;
    expect(proposal.pledges[0][0]).toBe(15);
    expect(combinePledges([])).toEqual({ pledges: [] });
  });
});
