// Memos for strategy agents: the outcome space with every agent's normalised utility, and the
// opponent hypotheses (preference draws from the game's own generator). Both are pure functions
// of (game, instance content), so caching them keeps agents deterministic.
import { hashSeed } from '../../../games/rng';
import type { GameDefinition } from '../../../games/types';
import type { GameInstance } from '../../../src-shared/game';

export interface Space {
  outcomes: readonly unknown[];
  /** util[a][o]: agent a's utility of outcome o divided by a's best utility in the space. */
  util: Float64Array[];
  /** Agent a's best raw utility in the space (the normaliser). */
  best: number[];
  /** JSON key of each outcome -> its index. */
  index: Map<string, number>;
}

/**
 * Candidate preferences for an opponent: hyp[h][o] is the normalised utility of outcome o
 * for the opponent if its preferences were hypothesis h. The last row is the asking agent's
 * own preferences (at full competition the opponent wants exactly what we want).
 */
export interface Hypotheses {
  rows: Float64Array[];
  /** Preference objects behind each row (for messages, e.g. estimated item values). */
  prefs: unknown[];
}

const spaces = new WeakMap<GameInstance, Space>();
const hypothesisCache = new WeakMap<GameInstance, Map<string, Hypotheses>>();
const priorCache = new Map<string, unknown[]>();
/** Sampled instances per parameter set; each contributes n preference draws. */
const PRIOR_SAMPLES = 8;

export function keyOf(proposal: unknown): string {
  return JSON.stringify(proposal);
}

/** Math.max over `values` without spreading them (same result: NaN wins, +0 beats -0). */
export function maxOf(values: ArrayLike<number>): number {
  let best = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) return NaN;
    if (v > best || (v === 0 && Object.is(best, -0))) best = v;
  }
  return best;
}

// Plain loops: Float64Array.from with a map function (and spreading into Math.max) cost more
// than the rest of a hypothesis row.
function normalise(values: readonly number[]): { row: Float64Array; best: number } {
  const best = maxOf(values);
  const row = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) row[i] = best > 0 ? values[i] / best : 0;
  return { row, best };
}

/**
 * Across games: a paired sweep plays each instance against every opponent, each game with its
 * own copy of the instance. Spaces and hypotheses are pure in (game, instance content), so they
 * are shared by the instance's JSON, per game definition; the oldest go once the entries hold
 * more than SHARED_CELLS 8-byte cells, about 32 MB (the per-object memos above still hold a
 * game's own).
 */
const SHARED_CELLS = 4_000_000;

class SharedMemo {
  private readonly entries = new Map<string, { value: unknown; cells: number }>();
  private cells = 0;
  get<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }
  set(key: string, value: unknown, cells: number): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, { value, cells });
    this.cells += cells;
    for (const [k, e] of this.entries) {
      if (this.cells <= SHARED_CELLS || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.cells -= e.cells;
    }
  }
}

const shared = new WeakMap<GameDefinition, SharedMemo>();
const contentKeys = new WeakMap<GameInstance, string>();

function sharedMemo(game: GameDefinition): SharedMemo {
  let memo = shared.get(game);
  if (!memo) shared.set(game, (memo = new SharedMemo()));
  return memo;
}

/** The instance's JSON (computed once per instance object). */
function contentKey(instance: GameInstance): string {
  let key = contentKeys.get(instance);
  if (key === undefined) contentKeys.set(instance, (key = JSON.stringify(instance)));
  return key;
}

export function spaceOf(game: GameDefinition, instance: GameInstance): Space {
  const cached = spaces.get(instance);
  if (cached) return cached;
  const key = `space|${contentKey(instance)}`;
  const known = sharedMemo(game).get<Space>(key);
  if (known) {
    spaces.set(instance, known);
    return known;
  }
  const { outcomes } = game.outcomeSpace(instance);
  const n = instance.nAgents;
  const raw = Array.from({ length: n }, () => new Array<number>(outcomes.length));
  outcomes.forEach((o, i) => game.rawUtilities(instance, o).forEach((u, a) => (raw[a][i] = u)));
  const norm = raw.map(normalise);
  const space: Space = {
    outcomes,
    util: norm.map((x) => x.row),
    best: norm.map((x) => x.best),
    index: new Map(outcomes.map((o, i) => [keyOf(o), i])),
  };
  spaces.set(instance, space);
  // Counted in 8-byte cells: n utilities per outcome, plus about 128 bytes for the outcome
  // object and its index entry.
  sharedMemo(game).set(key, space, outcomes.length * (n + 16));
  return space;
}

/** Preference draws from the game's generator with the instance's parameters (cached). */
function priorPrefs(game: GameDefinition, instance: GameInstance): unknown[] {
  const key = `${instance.kind}|${instance.nAgents}|${JSON.stringify(instance.params)}`;
  let prefs = priorCache.get(key);
  if (!prefs) {
    prefs = [];
    for (let s = 0; s < PRIOR_SAMPLES; s++) {
      try {
        prefs.push(
          ...game.create(instance.params, instance.nAgents, hashSeed('strategy-prior', s))
            .preferences,
        );
      } catch {
        break;
      }
    }
    if (priorCache.size > 64) priorCache.clear();
    priorCache.set(key, prefs);
  }
  return prefs;
}

/** The hypotheses `asker` holds about `opponent` (prior draws plus the asker's own preferences). */
export function hypothesesOf(
  game: GameDefinition,
  instance: GameInstance,
  asker: number,
  opponent: number,
): Hypotheses {
  let perInstance = hypothesisCache.get(instance);
  if (!perInstance) {
    perInstance = new Map();
    hypothesisCache.set(instance, perInstance);
  }
  const key = `${asker}/${opponent}`;
  const cached = perInstance.get(key);
  if (cached) return cached;
  const sharedKey = `hypotheses|${key}|${contentKey(instance)}`;
  const known = sharedMemo(game).get<Hypotheses>(sharedKey);
  if (known) {
    perInstance.set(key, known);
    return known;
  }
  const { outcomes } = spaceOf(game, instance);
  const prefs = [...priorPrefs(game, instance), instance.preferences[asker]];
  const rows = prefs.map((pref) => {
    const preferences = instance.preferences.slice();
    preferences[opponent] = pref;
    const fake = { ...instance, preferences };
    const utility = game.rawUtility
      ? (o: unknown) => game.rawUtility!(fake, o, opponent)
      : (o: unknown) => game.rawUtilities(fake, o)[opponent];
    return normalise(outcomes.map(utility)).row;
  });
  const hyp = { rows, prefs };
  perInstance.set(key, hyp);
  sharedMemo(game).set(sharedKey, hyp, rows.length * outcomes.length);
  return hyp;
}
