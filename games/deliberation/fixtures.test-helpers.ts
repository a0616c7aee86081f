// The base game's parties as literal data (scores copied from scores_files/*.txt), so pure tests
// need no disk; src-main/game-folders checks the reader gives the same numbers.
import type { DeliberationGame, DeliberationIncentive, DeliberationParty } from './types';

const party = (
  name: string,
  role: DeliberationParty['role'],
  scores: number[][],
  minimum: number,
): DeliberationParty => ({
  name,
  file: name,
  role,
  incentive: 'cooperative',
  model: '',
  scores,
  minimum,
  instructions: { cooperative: `You represent ${name}.` },
});

/** The published base game with every party cooperative (as in the published GPT-4 logs). */
export function baseGame(incentives: Record<string, DeliberationIncentive> = {}): DeliberationGame {
  return {
    globalInstructions: '',
    issues: [
      { letter: 'A', options: 3 },
      { letter: 'B', options: 3 },
      { letter: 'C', options: 4 },
      { letter: 'D', options: 4 },
      { letter: 'E', options: 5 },
    ],
    initialDeal: [0, 0, 3, 0, 4],
    parties: [
      party(
        'Mayor',
        'player',
        [
          [14, 8, 0],
          [12, 8, 0],
          [24, 18, 12, 0],
          [40, 30, 23, 0],
          [0, 2, 4, 7, 10],
        ],
        30,
      ),
      party(
        'Other cities',
        'player',
        [
          [0, 4, 10],
          [0, 0, 0],
          [12, 8, 6, 0],
          [0, 8, 13, 18],
          [60, 45, 30, 15, 0],
        ],
        31,
      ),
      party(
        'Local Labour Union',
        'player',
        [
          [15, 20, 0],
          [0, 0, 0],
          [42, 35, 25, 0],
          [30, 20, 10, 0],
          [2, 4, 6, 8, 0],
        ],
        50,
      ),
      party(
        'SportCo',
        'p1',
        [
          [14, 8, 0],
          [11, 7, 0],
          [0, 5, 10, 17],
          [35, 29, 20, 0],
          [0, 5, 10, 15, 23],
        ],
        55,
      ),
      party(
        'Department of Tourism',
        'p2',
        [
          [0, 11, 5],
          [0, 20, 25],
          [0, 2, 4, 9],
          [10, 26, 40, 0],
          [4, 8, 15, 12, 0],
        ],
        65,
      ),
      party(
        'Environmental League',
        'player',
        [
          [0, 22, 45],
          [0, 25, 55],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0, 0],
        ],
        55,
      ),
    ].map((p) => {
      const incentive = incentives[p.name];
      return incentive
        ? { ...p, incentive, instructions: { [incentive]: `Play ${incentive}.` } }
        : p;
    }),
  };
}

/**
 * A three-party, two-issue game small enough to compute every number by hand (P p1 min 60,
 * Q p2 min 50, R player min 90): A1,B1 P 100 Q 30 R 10 | A1,B2 P 60 Q 50 R 100 |
 * A2,B1 P 40 Q 80 R 0 | A2,B2 P 0 Q 100 R 90.
 */
export function tinyGame(thirdIncentive: DeliberationIncentive): DeliberationGame {
  return {
    globalInstructions: '',
    issues: [
      { letter: 'A', options: 2 },
      { letter: 'B', options: 2 },
    ],
    initialDeal: [0, 0],
    parties: [
      {
        name: 'P',
        file: 'p',
        role: 'p1',
        incentive: 'cooperative',
        model: '',
        scores: [
          [60, 0],
          [40, 0],
        ],
        minimum: 60,
        instructions: {},
      },
      {
        name: 'Q',
        file: 'q',
        role: 'p2',
        incentive: 'cooperative',
        model: '',
        scores: [
          [0, 50],
          [30, 50],
        ],
        minimum: 50,
        instructions: {},
      },
      {
        name: 'R',
        file: 'r',
        role: 'player',
        incentive: thirdIncentive,
        model: '',
        scores: [
          [10, 0],
          [0, 90],
        ],
        minimum: 90,
        instructions: {},
      },
    ],
  };
}
