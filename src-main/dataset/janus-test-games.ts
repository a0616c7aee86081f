// Test-only: two price games whose every decision is worked out by hand (not imported by
// production code). Margin 400, price range 0 to 2000 (the price-domain preset).
//
// A: hardliner vs hardliner, s = 400, b = 900, T = 12. The seller holds its start 800 and the
// buyer its start 500 for turns 1-10; on turn 11 (the seller's last, 11 >= T - 1) the seller's
// price is 400 + 0.025 x 400 = 410 and the standing 500 is at least that: ACCEPT at 500,
// rho = (500 - 400) / 500 = 0.2. Ten offers precede turn 11, so its history keeps the last 8.
//
// B: fixed-price-strict vs fixed-price-strict, s = 400, b = 700, T = 4. The seller asks
// 400 + 200 = 600, the buyer offers 700 - 200 = 500; neither is good enough for the other, and
// on turn 4 (the last) the buyer offers 500 again: the game ends at its limit with no deal,
// rho = -1, four decisions (T of them, as the Janus data preparation requires of a failure).
import type { StrategyName, StrategySpec } from '../../src-shared/participant';
import { playStrategyGame } from './episodes';
import type { PlayedPriceGame } from './janus-records';

const seat = (id: string, strategy: StrategyName): StrategySpec => ({
  id,
  kind: 'strategy',
  strategy,
  scores: {},
});

export function handCheckedGames(): Promise<PlayedPriceGame[]> {
  return Promise.all([
    playStrategyGame(
      'A',
      { sellerReservation: 400, buyerReservation: 900, turns: 12 },
      [seat('hard-s', 'hardliner'), seat('hard-b', 'hardliner')],
      5,
    ),
    playStrategyGame(
      'B',
      { sellerReservation: 400, buyerReservation: 700, turns: 4 },
      [seat('fix-s', 'fixed-price-strict'), seat('fix-b', 'fixed-price-strict')],
      5,
    ),
  ]);
}

/** Decision step rows of A and B by hand: [turn, role, reservation, last offer, history, action, price]. */
type Step = [
  number,
  'buyer' | 'seller',
  number,
  number | null,
  [string, number][],
  string,
  number | null,
];

const alternating = (n: number): [string, number][] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? ['seller', 800] : ['buyer', 500]));

const A_STEPS: Step[] = [
  ...Array.from({ length: 10 }, (_, i): Step => {
    const turn = i + 1;
    const isSeller = turn % 2 === 1;
    return [
      turn,
      isSeller ? 'seller' : 'buyer',
      isSeller ? 400 : 900,
      turn === 1 ? null : isSeller ? 500 : 800,
      alternating(i).slice(-8),
      'OFFER',
      isSeller ? 800 : 500,
    ];
  }),
  [11, 'seller', 400, 500, alternating(10).slice(-8), 'ACCEPT', null],
];

const B_STEPS: Step[] = [
  [1, 'seller', 400, null, [], 'OFFER', 600],
  [2, 'buyer', 700, 600, [['seller', 600]], 'OFFER', 500],
  [
    3,
    'seller',
    400,
    500,
    [
      ['seller', 600],
      ['buyer', 500],
    ],
    'OFFER',
    600,
  ],
  [
    4,
    'buyer',
    700,
    600,
    [
      ['seller', 600],
      ['buyer', 500],
      ['seller', 600],
    ],
    'OFFER',
    500,
  ],
];

function rows(id: string, maxTurns: number, success: boolean, rho: number, steps: Step[]) {
  return steps.map(([turn, role, reservation, last, history, action, price]) => ({
    trajectory_id: id,
    turn,
    role,
    max_turns: maxTurns,
    turns_remaining: maxTurns - turn,
    reservation_price: reservation,
    price_low: 0,
    price_high: 2000,
    last_offer_price: last,
    history_roles: history.map(([r]) => r),
    history_prices: history.map(([, p]) => p),
    target_action: action,
    target_price: price,
    success,
    rho_train: rho,
  }));
}

/** decision_steps of [A, B], as worked out above. */
export const EXPECTED_STEPS = [
  ...rows('A', 12, true, 0.2, A_STEPS),
  ...rows('B', 4, false, -1, B_STEPS),
];

/** trajectory_outcomes of [A, B]. */
export const EXPECTED_OUTCOMES = [
  {
    trajectory_id: 'A',
    max_turns: 12,
    num_turns_observed: 11,
    success: true,
    accepted_price: 500,
    rho_outcome: 0.2,
    rho_logged: 0.2,
  },
  {
    trajectory_id: 'B',
    max_turns: 4,
    num_turns_observed: 4,
    success: false,
    accepted_price: null,
    rho_outcome: null,
    rho_logged: -1,
  },
];
