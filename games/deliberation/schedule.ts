// The turn schedule of a deliberation game (DESIGN 3.6): p1 opens with the initial deal, then
// ceil(R/N) shuffled blocks of all N parties, then p1's final deal.
import { createRng, hashSeed } from '../rng';

/** Reshuffles of one block before giving up; a valid order exists whenever N >= 3. */
const MAX_SHUFFLES = 10_000;

/** Default number of discussion turns R for N parties (24 for six, 28 for seven). */
export function defaultTurns(nParties: number): number {
  return 4 * nParties;
}

/**
 * Speaker (party index) of every turn: index 0 is p1's opening, the last is p1's final deal,
 * and between them blocks of the N parties in turn. Each block is shuffled with the game's
 * seeded RNG until it neither starts with the previous block's last speaker nor ends with p1.
 */
export function buildSchedule(nParties: number, p1: number, turns: number, seed: number): number[] {
  if (nParties < 3) throw new Error(`the schedule needs at least 3 parties, got ${nParties}`);
  if (!Number.isInteger(turns) || turns < 1) {
    throw new Error(`turns must be an integer >= 1, got ${turns}`);
  }
  const rng = createRng(hashSeed(seed, 'deliberation', 'schedule'));
  const parties = Array.from({ length: nParties }, (_, i) => i);
  const schedule = [p1];
  for (let b = 0; b < Math.ceil(turns / nParties); b++) {
    const previous = schedule[schedule.length - 1];
    let block = rng.shuffle(parties);
    for (let tries = 1; block[0] === previous || block[nParties - 1] === p1; tries++) {
      if (tries >= MAX_SHUFFLES) throw new Error('no valid block order found');
      block = rng.shuffle(parties);
    }
    schedule.push(...block);
  }
  schedule.push(p1);
  return schedule;
}

/** Whether turn `t` of a schedule lies in the last block (the final discussion session). */
export function isFinalSession(schedule: readonly number[], nParties: number, t: number): boolean {
  return t >= schedule.length - 1 - nParties;
}
