// The strategy agents' transcripts must be true: a noisy agent's worths are estimates and say
// so, an exact agent's worths are the utilities the game pays, and one round states one
// acceptance threshold and one aspiration, which its votes follow.
import { describe, expect, it } from 'vitest';
import { getGame } from '../../../games/index';
import type { GameKind, TurnRecord } from '../../../src-shared/game';
import type { StrategySpec } from '../../../src-shared/participant';
import type { ListedProposal } from '../../engine/agent';
import { boundedKnobs } from './policies';
import { play, spec } from './strategy.test-helpers';

const LINEUPS: StrategySpec[][] = [
  [spec('bounded-rational', 0), spec('bounded-rational', 1)],
  [spec('bounded-rational', 0.3), spec('linear')],
  [spec('random'), spec('bounded-rational', 0.6)],
];

const isNoisy = (s: StrategySpec) =>
  s.strategy === 'bounded-rational' && boundedKnobs(s.capability ?? 0.5).noise > 0;

async function games(kind: GameKind, seeds: number[]) {
  const out: { specs: StrategySpec[]; turns: TurnRecord[]; kind: GameKind; instance: any }[] = [];
  for (const specs of LINEUPS) {
    for (const seed of seeds) {
      const { turns, instance } = await play(specs, { kind, seed, competition: 0.5 });
      out.push({ specs, turns, kind, instance });
    }
  }
  return out;
}

const CASES: [GameKind, number[]][] = [
  ['item-allocation', [1, 2, 3, 4, 5, 6]],
  ['treaty', [1, 2]],
  ['cofunding', [1, 2]],
];

describe('truthful strategy transcripts', () => {
  it.each(CASES)(
    '%s: noisy worths say "I estimate", exact ones are the true utilities',
    async (kind, seeds) => {
      let estimates = 0;
      let misjudged = 0;
      let exactClaims = 0;
      for (const { specs, turns, instance } of await games(kind, seeds)) {
        const game = getGame(kind);
        for (const t of turns.filter((x) => x.agent >= 0 && x.phase !== 'setup')) {
          const claims = [
            ...t.text.matchAll(
              /(?:^|\. |; )(I estimate )?([\w' ]+?) (?:is|was) worth (-?\d+) to me/g,
            ),
          ];
          for (const c of claims) expect(c[1] !== undefined).toBe(isNoisy(specs[t.agent]));
          if (t.phase !== 'vote') continue;
          const listing = turns.find((x) => x.phase === 'listing' && x.round === t.round)!;
          for (const c of claims) {
            const j = Number(/proposal (\d+)/i.exec(c[2])![1]) - 1;
            const proposal = (listing.action as ListedProposal[])[j].proposal;
            const truth = Math.round(game.rawUtilities(instance, proposal)[t.agent]);
            if (c[1]) {
              estimates++;
              if (Number(c[3]) !== truth) misjudged++;
            } else {
              exactClaims++;
              expect(Number(c[3])).toBe(truth);
            }
          }
        }
      }
      expect(estimates).toBeGreaterThan(10);
      // Without "I estimate" these would have been false statements of fact.
      expect(misjudged).toBeGreaterThan(estimates / 4);
      expect(exactClaims).toBeGreaterThan(10);
    },
  );

  it.each(CASES)(
    '%s: one threshold and one aspiration per agent and round, and votes follow them',
    async (kind, seeds) => {
      let votes = 0;
      for (const { turns } of await games(kind, seeds)) {
        const byAgentRound = new Map<string, TurnRecord[]>();
        for (const t of turns.filter((x) => x.agent >= 0 && x.round >= 1)) {
          const key = `${t.agent}/${t.round}`;
          byAgentRound.set(key, [...(byAgentRound.get(key) ?? []), t]);
        }
        for (const own of byAgentRound.values()) {
          const text = own.map((t) => t.text).join(' ');
          const thresholds = new Set(
            [...text.matchAll(/accept (?:offers worth >= |from )(\d+)/g)].map((m) => m[1]),
          );
          const aspirations = new Set(
            [...text.matchAll(/hold(?:ing)? out for (?:>= )?(\d+)/g)].map((m) => m[1]),
          );
          expect(thresholds.size).toBeLessThanOrEqual(1);
          expect(aspirations.size).toBeLessThanOrEqual(1);
          const vote = own.find((t) => t.phase === 'vote');
          if (!vote) continue;
          const threshold = Number(/^I accept offers worth >= (\d+)\./.exec(vote.text)![1]);
          const verdicts = [...vote.text.matchAll(/worth (-?\d+) to me: (accept|reject)/g)];
          const cast = (vote.action as { votes: string[] }).votes;
          expect(verdicts.map((v) => v[2])).toEqual(cast);
          for (const v of verdicts) expect(v[2] === 'accept').toBe(Number(v[1]) >= threshold);
          votes += verdicts.length;
        }
      }
      expect(votes).toBeGreaterThan(20);
    },
  );
});
