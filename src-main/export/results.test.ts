// The result rows read through store.resultGamesAt (plan columns, outcome, realised cosines)
// against the whole games they used to be built from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HAND_SWEEP_ID,
  instance,
  outcome,
  writeHandSweep,
} from '../analysis/hand-sweep.test-helpers';
import { openStore } from '../store/store';
import type { GameRow } from '../store/types';
import { resultRows, streamResultRows, toResultRow } from './results';

const dir = mkdtempSync(join(tmpdir(), 'parley-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cosines whose shortest JSON text is long: the extracted numbers must keep every digit. */
const COSINES = [0.1 + 0.2, 1e-7, 0.12345678901234568, -0.5];

function storeWithExtras() {
  const store = openStore(join(dir, `results-${Math.random()}.db`));
  writeHandSweep(store);
  const g1 = store.getGame('g1')!;
  const plan = (id: string, runIndex: number) => ({ ...g1, id, runIndex });
  store.insertPlannedGames(HAND_SWEEP_ID, [plan('g6', 1), plan('g7', 2)]);
  const inst = instance();
  store.markGameRunning('g6', { ...inst, realised: { ...inst.realised, cosines: COSINES } });
  store.finishGame('g6', outcome([1, 0, 0], 1));
  return store; // g7 stays queued: no instance, no outcome
}

/** What a result row used to be read from: the whole game. */
function projection(g: GameRow) {
  const cosines = (g.instance?.realised as { cosines?: unknown } | undefined)?.cosines;
  return {
    id: g.id,
    kind: g.kind,
    status: g.status,
    participants: g.participants,
    focalId: g.focalId,
    focalCapability: g.focalCapability,
    capabilities: g.capabilities,
    competitionLevel: g.competitionLevel,
    rho: g.rho,
    theta: g.theta,
    order: g.order,
    seed: g.seed,
    runIndex: g.runIndex,
    outcome: g.outcome,
    cosines: Array.isArray(cosines) ? cosines : null,
  };
}

describe('store.resultGamesAt', () => {
  it('reads what the whole games hold, in the order asked for', () => {
    const store = storeWithExtras();
    try {
      const rows = store
        .gameOrderKeys(HAND_SWEEP_ID)
        .map((k) => k.row)
        .reverse();
      expect(rows).toHaveLength(7);
      const lean = store.resultGamesAt(rows);
      expect(lean.map((g) => g.id)).toEqual(['g7', 'g6', 'g5', 'g4', 'g3', 'g2', 'g1']);
      expect(lean).toEqual(store.gamesAt(rows).map(projection));
      expect(lean[1].cosines).toEqual(COSINES);
      expect(lean[0]).toMatchObject({ status: 'queued', outcome: null, cosines: null });
      expect(store.resultGamesAt([])).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('resultRows', () => {
  it('flattens the lean games as it flattened whole ones', () => {
    const store = storeWithExtras();
    try {
      const rows = resultRows(store, HAND_SWEEP_ID);
      const whole = store.gamesAt(store.gameOrderKeys(HAND_SWEEP_ID).map((k) => k.row));
      const byId = new Map(whole.map((g) => [g.id, toResultRow(projection(g))]));
      expect(rows).toEqual(rows.map((r) => byId.get(r.game_id)));
      const g6 = rows.find((r) => r.game_id === 'g6')!;
      // Cosines: mean(0.30000000000000004, 1e-7, 0.12345678901234568, -0.5) = -0.0191357...
      // to 6 digits. [1,0,0]: seat 0 takes items 2 and 3 (30 + 20), seat 1 item 1 (20).
      expect(g6.realised_cosine).toBe(-0.019136);
      expect(g6).toMatchObject({ utilities: '50;20', utility_focal: 50, run_index: 1 });
      expect(rows.find((r) => r.game_id === 'g7')).toMatchObject({
        status: 'queued',
        realised_cosine: null,
        deal: null,
        utilities: '',
      });
    } finally {
      store.close();
    }
  });
});

describe('streamResultRows order', () => {
  it('sorts as the JS comparator did: capability (unknown last), id by localeCompare, level, order, run, store order', () => {
    const store = openStore(join(dir, `order-${Math.random()}.db`));
    try {
      writeHandSweep(store);
      const g1 = store.getGame('g1')!;
      // Byte order puts "Zed" before "alpha" and "Zed" before "beta"; localeCompare does not.
      const plan = (
        id: string,
        focalId: string,
        focalCapability: number | null,
        order: 'weak_first' | 'strong_first',
        runIndex: number,
        competitionLevel = 0.5,
      ) => ({ ...g1, id, focalId, focalCapability, order, runIndex, competitionLevel });
      store.insertPlannedGames(HAND_SWEEP_ID, [
        plan('o1', 'Zed', null, 'weak_first', 0),
        plan('o2', 'beta', 0.3, 'weak_first', 1),
        plan('o3', 'alpha', 0.3, 'weak_first', 1),
        plan('o4', 'Zed', 0.3, 'strong_first', 0),
        plan('o5', 'Zed', 0.3, 'weak_first', 0),
        plan('o6', 'alpha', 0.3, 'weak_first', 0, 0),
        plan('o7', 'alpha', 0.3, 'weak_first', 0, 0),
      ]);
      const ids = [...streamResultRows(store, HAND_SWEEP_ID)].map((r) => r.game_id);
      const hand = store
        .gameOrderKeys(HAND_SWEEP_ID)
        .map((k) => ({ ...k, id: store.gamesAt([k.row])[0].id }))
        .filter((k) => k.id.startsWith('o'));
      expect(hand.map((k) => k.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7']);
      // 0.3: alpha (level 0: o6, o7 in store order; level 0.5: o3), beta (o2), Zed (strong_first
      // before weak_first: o4, o5); then the unknown capability (o1) after every known one.
      const ours = ids.filter((id) => id.startsWith('o'));
      expect(ours).toEqual(['o6', 'o7', 'o3', 'o2', 'o4', 'o5', 'o1']);
      expect(ids).toHaveLength(12);
    } finally {
      store.close();
    }
  });
});
