// Statistical check of the bounded-rational family (DESIGN 5): over many seeds and both seat
// orders, higher capability must extract more utility, and deals must stay common.
import { describe, expect, it } from 'vitest';
import { itemAllocation } from '../../../games/item-allocation';
import type { ProtocolParams } from '../../../src-shared/game';
import { runGame } from '../../engine/run-game';
import { createStrategyAgent } from './strategy-agent';

const protocol: ProtocolParams = {
  rounds: 10,
  gamma: 0.9,
  discussionTurns: 2,
  acceptance: 'unanimous',
  vetoHolders: [],
  maxProposalAttempts: 3,
};

function agent(c: number) {
  return createStrategyAgent({
    id: `br-${c}`,
    kind: 'strategy',
    strategy: 'bounded-rational',
    capability: c,
    scores: {},
  });
}

interface Match {
  /** Discounted utility of the agent under test and of its opponent, one entry per game. */
  mine: number[];
  theirs: number[];
  deals: number;
}

/** `seeds` instances, each played in both seat orders. */
async function match(
  c: number,
  opponent: number,
  competition: number,
  seeds: number,
): Promise<Match> {
  const params = itemAllocation.paramsSchema.parse({ items: 5, competition });
  const out: Match = { mine: [], theirs: [], deals: 0 };
  for (let s = 0; s < seeds; s++) {
    const instance = itemAllocation.create(params, 2, 10_000 + s);
    for (const seat of [0, 1]) {
      const agents = seat === 0 ? [agent(c), agent(opponent)] : [agent(opponent), agent(c)];
      const r = await runGame({
        gameId: `cap-${s}-${seat}`,
        game: itemAllocation,
        instance,
        protocol,
        agents,
        onTurn: () => {},
      });
      if (r.status !== 'finished') throw new Error(`game ${s}/${seat} ended ${r.status}`);
      out.mine.push(r.outcome.utilities[seat]);
      out.theirs.push(r.outcome.utilities[1 - seat]);
      if (r.outcome.deal) out.deals++;
    }
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Two-sided exact sign test p-value over paired differences (ties dropped). */
function signTest(diffs: number[]): number {
  const wins = diffs.filter((d) => d > 0).length;
  const n = diffs.filter((d) => d !== 0).length;
  const k = Math.min(wins, n - wins);
  let p = 0;
  let term = Math.pow(0.5, n);
  for (let i = 0; i <= k; i++) {
    p += term;
    term *= (n - i) / (i + 1);
  }
  return Math.min(1, 2 * p);
}

function pairedT(diffs: number[]): number {
  const m = mean(diffs);
  const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - m) ** 2, 0) / (diffs.length - 1));
  return (m / sd) * Math.sqrt(diffs.length);
}

describe('bounded-rational capability', () => {
  it.each([0.75, 1])(
    'c = 0.9 beats c = 0.1 at competition %s (100 seeds x 2 orders)',
    async (competition) => {
      const m = await match(0.9, 0.1, competition, 100);
      const diffs = m.mine.map((u, i) => u - m.theirs[i]);
      const p = signTest(diffs);
      const t = pairedT(diffs);
      console.log(
        `competition ${competition}: c=0.9 ${mean(m.mine).toFixed(1)}, c=0.1 ${mean(m.theirs).toFixed(1)}, deals ${m.deals}/200, sign-test p=${p.toExponential(2)}, paired t=${t.toFixed(2)}`,
      );
      expect(mean(m.mine)).toBeGreaterThan(mean(m.theirs));
      expect(p).toBeLessThan(0.01);
      // Two-sided 1% critical value of Student's t with 199 degrees of freedom.
      expect(t).toBeGreaterThan(2.601);
      expect(m.deals).toBeGreaterThan(100);
    },
  );

  it('keeps deals common at moderate and low competition', async () => {
    const moderate = await match(0.9, 0.1, 0.5, 50);
    const cooperative = await match(0.9, 0.1, 0, 50);
    const welfare = mean(cooperative.mine.map((u, i) => u + cooperative.theirs[i]));
    console.log(
      `competition 0.5: deals ${moderate.deals}/100; competition 0: deals ${cooperative.deals}/100, mean welfare ${welfare.toFixed(1)}`,
    );
    expect(moderate.deals).toBeGreaterThan(50);
    expect(cooperative.deals).toBeGreaterThan(90);
    expect(welfare).toBeGreaterThan(150);
  });

  it('earns more with capability against a fixed c = 0.5 reference', async () => {
    const levels = [0.1, 0.3, 0.5, 0.7, 0.9];
    const means: number[] = [];
    for (const c of levels) means.push(mean((await match(c, 0.5, 0.75, 60)).mine));
    console.log(
      `competition 0.75 vs c=0.5: ${levels.map((c, i) => `c=${c} ${means[i].toFixed(1)}`).join(', ')}`,
    );
    expect(means[4]).toBeGreaterThan(means[2]);
    expect(means[2]).toBeGreaterThan(means[0]);
    expect(means.slice(1).filter((u, i) => u > means[i]).length).toBeGreaterThanOrEqual(3);
  });
});
