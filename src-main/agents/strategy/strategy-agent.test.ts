import { describe, expect, it } from 'vitest';
import { getGame } from '../../../games/index';
import { itemAllocation } from '../../../games/item-allocation';
import type { TurnRecord } from '../../../src-shared/game';
import type { StrategyName } from '../../../src-shared/participant';
import { concessionTarget, CURVE_EXPONENTS } from './policies';
import { createStrategyAgent } from './strategy-agent';
import { play, protocol, spec } from './strategy.test-helpers';

describe('concession curves', () => {
  it('uses e < 1 for Boulware and e > 1 for Conceder', () => {
    expect(CURVE_EXPONENTS).toEqual({ boulware: 0.2, linear: 1, conceder: 2 });
    expect(concessionTarget(0.5, 0.2, 0.5)).toBe(1 - 0.5 * 0.5 ** 5);
    expect(concessionTarget(0.5, 1, 0.5)).toBe(0.75);
    expect(concessionTarget(0.5, 2, 0.5)).toBe(1 - 0.5 * Math.SQRT1_2);
    expect([0, 1].map((t) => concessionTarget(t, 0.2, 0.4))).toEqual([1, 0.4]);
  });
});

describe('strategy agents', () => {
  const pairs: [StrategyName, StrategyName][] = [
    ['bounded-rational', 'random'],
    ['boulware', 'tit-for-tat'],
    ['hardliner', 'conceder'],
    ['linear', 'bounded-rational'],
  ];

  it.each(pairs)(
    '%s vs %s: same seed gives the same transcript, and resumes exactly',
    async (a, b) => {
      const first = await play([spec(a, 0.3), spec(b, 0.8)], { seed: 5 });
      const second = await play([spec(a, 0.3), spec(b, 0.8)], { seed: 5 });
      expect(second.turns).toEqual(first.turns);
      expect(first.turns.every((t) => t.status === 'ok')).toBe(true);
      const cut = Math.floor(first.turns.length / 2);
      const resumed = await play([spec(a, 0.3), spec(b, 0.8)], {
        seed: 5,
        committed: first.turns.slice(0, cut),
      });
      expect([...first.turns.slice(0, cut), ...resumed.fresh]).toEqual(first.turns);
    },
  );

  it('hardliner proposes its best outcome every round', async () => {
    const { turns, instance } = await play([spec('hardliner'), spec('hardliner')], {
      competition: 1,
    });
    const own = turns
      .filter((t) => t.phase === 'proposal')
      .map((t) => itemAllocation.rawUtilities(instance as never, t.action as never)[t.agent]);
    expect(own).toEqual(new Array(20).fill(100));
  });

  it('tit-for-tat opens at its best and mirrors the opponent concession in its own utility', async () => {
    const { turns, instance } = await play([spec('tit-for-tat'), spec('conceder')], {
      competition: 1,
      seed: 3,
    });
    const worthToMe = (t: TurnRecord) =>
      itemAllocation.rawUtilities(instance as never, t.action as never)[0];
    const theirs = turns.filter((t) => t.phase === 'proposal' && t.agent === 1).map(worthToMe);
    const plans = turns
      .filter((t) => t.phase === 'thinking' && t.agent === 0)
      .map((t) => Number(/>= (\d+)/.exec(t.text)![1]));
    const expected = plans.map((_, r) => {
      let target = 100;
      for (let k = 1; k < r; k++) target -= Math.max(0, theirs[k] - theirs[k - 1]);
      return Math.max(50, target);
    });
    expect(plans.length).toBeGreaterThan(2);
    expect(plans).toEqual(expected);
    expect(theirs.at(-1)).toBeGreaterThan(theirs[0]);
  });

  it('Boulware concedes later than Conceder against the same opponent', async () => {
    const ownOffers = async (s: StrategyName) => {
      const { turns, instance } = await play([spec(s), spec('hardliner')], {
        competition: 1,
        seed: 9,
      });
      return turns
        .filter((t) => t.phase === 'proposal' && t.agent === 0)
        .map((t) => itemAllocation.rawUtilities(instance as never, t.action as never)[0]);
    };
    const boulware = await ownOffers('boulware');
    const conceder = await ownOffers('conceder');
    expect(boulware).toHaveLength(10);
    expect(boulware.slice(0, 8).reduce((a, b) => a + b)).toBeGreaterThan(
      conceder.slice(0, 8).reduce((a, b) => a + b),
    );
  });

  it('writes templated messages that read like a negotiation', async () => {
    const { turns } = await play([spec('bounded-rational', 0.9), spec('linear')], {
      competition: 0.5,
      seed: 2,
    });
    const first = turns.find((t) => t.phase === 'discussion')!;
    expect(first.text).toMatch(
      /^Hello from Agent_1\. I value \w+ and \w+ highly; I could give up \w+\.$/,
    );
    // c = 0.9 still has noise (sd 0.025), so its worths are estimates.
    expect(turns.find((t) => t.phase === 'thinking')!.text).toMatch(
      /^Plan: hold out for >= \d+; set what I accept when I see this round's proposals\. Agent_2 seems to value \w+\. Propose Agent_1: .* \| Agent_2: .*\. I estimate it is worth \d+ to me\.$/,
    );
    expect(turns.find((t) => t.phase === 'vote')!.text).toMatch(
      /^I accept offers worth >= \d+\. I estimate proposal 1 is worth \d+ to me: (accept|reject)\./,
    );
    expect(turns.find((t) => t.phase === 'vote' && t.agent === 1)!.text).toMatch(
      /^I accept offers worth >= \d+\. Proposal 1 is worth \d+ to me: (accept|reject)\./,
    );
  });

  it.each(['treaty', 'cofunding'] as const)(
    'plays %s through the generic outcome space',
    async (kind) => {
      const { outcome, turns } = await play([spec('bounded-rational', 0.9), spec('boulware')], {
        kind,
        seed: 4,
      });
      expect(turns.filter((t) => t.status !== 'ok')).toEqual([]);
      expect(outcome.invalidProposals).toEqual([0, 0]);
      expect(turns.filter((t) => t.phase === 'listing').length).toBeGreaterThan(0);
    },
  );
});

describe('templated messages of noisy agents', () => {
  it('never state a worth outside 0..100, and open by naming only valued items', async () => {
    let worthStated = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      // c = 0 has the most noise (sd 0.25 of the best outcome) on its own evaluations.
      const { fresh, instance } = await play(
        [spec('bounded-rational', 0), spec('bounded-rational', 0)],
        { competition: 0, seed },
      );
      for (const t of fresh) {
        for (const m of t.text.matchAll(/worth (-?\d+)/g)) {
          worthStated++;
          expect(Number(m[1])).toBeGreaterThanOrEqual(0);
          expect(Number(m[1])).toBeLessThanOrEqual(100);
        }
      }
      const opening = fresh.find((t) => t.phase === 'discussion' && t.round === 1 && t.agent === 1);
      const values = (instance.preferences[1] as { values: number[] }).values;
      const names = ['Apple', 'Jewel', 'Stone', 'Quill', 'Pencil'];
      const named = /I value (.*) highly/.exec(opening?.text ?? '')?.[1] ?? '';
      for (const name of named.split(/, | and /))
        expect(values[names.indexOf(name)]).toBeGreaterThan(0);
    }
    expect(worthStated).toBeGreaterThan(50);
  });
});

describe('strategy agents under the pledge protocol', () => {
  it('propose their own pledge vector: their row of the joint table they chose', async () => {
    const game = getGame('cofunding');
    const instance = game.create(game.paramsSchema.parse({ preset: 'research' }), 2, 3);
    const joint = game.jointProposal!(instance)!;
    for (const index of [0, 1]) {
      const agent = createStrategyAgent(spec('bounded-rational', 1));
      const ctx = {
        game,
        instance,
        protocol,
        index,
        round: 1,
        phase: 'proposal' as const,
        pass: 0,
        attempt: 0,
        publicHistory: [],
        privateHistory: [],
        listedProposals: [],
        callSeed: 1,
        gameId: 'pledges',
      };
      const plan = await agent.think({ ...ctx, phase: 'thinking' });
      const reply = await agent.propose(ctx);
      if (!reply.ok || !plan.ok) throw new Error('expected replies');
      const part = reply.value.proposal as number[];
      expect(joint.validatePart(index, part)).toEqual({ ok: true, proposal: part });
      // The plan names the joint table it proposes; the vector is that table's row for this agent.
      const table = game
        .outcomeSpace(instance)
        .outcomes.find((o) => plan.text.includes(`Propose ${game.describeProposal(instance, o)}.`));
      expect(table).toBeDefined();
      expect(part).toEqual(joint.partOf(table, index));
    }
  });
});
