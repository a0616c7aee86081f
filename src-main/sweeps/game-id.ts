// Content ids. A planned game's id is the hash of what the game is (rules, parameters, seats,
// seed, order and who is focal), never of how its calls travel; a sweep's id is the hash of its
// document without transport and run settings. Store migration 0003 re-keys rows written under
// the first formulas with these same functions, so both paths share one definition.
import type { ParticipantSpec } from '../../src-shared/participant';
import type { PlannedGame } from '../../src-shared/planned-game';
import type { Sweep } from '../../src-shared/sweep';
import { canonicalJson, contentId, hashText } from './canonical';

/** The version of the id formula; it is part of the hashed content. */
export const GAME_ID_VERSION = 2;

/**
 * Participant fields that say where a call goes or what it costs, not what the game is: moving
 * to another gateway, changing prices or a delivery option keeps every game's id. A field added
 * to the participant schema for transport (concurrency, batch mode) belongs in this list.
 */
export const TRANSPORT_FIELDS = [
  'baseUrl',
  'prices',
  'concurrency',
  'batch',
  'minCacheTokens',
] as const;

export type GameIdContent = Pick<
  PlannedGame,
  'kind' | 'params' | 'protocol' | 'participants' | 'seed' | 'order' | 'focalId'
>;

/** A participant without its transport fields. */
export function withoutTransport(p: ParticipantSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p };
  for (const field of TRANSPORT_FIELDS) delete out[field];
  return out;
}

/** The content id of a planned game (16 hex characters). */
export function gameId(g: GameIdContent): string {
  return createGameIdHasher()(g);
}

/**
 * A game id function that serialises each params, protocol and participant object once: an
 * expansion shares those objects between thousands of games. The text it hashes is exactly
 * canonicalJson of { v, kind, params, protocol, participants, seed, order, focalId } (keys in
 * sorted order), so ids equal `contentId` of that object. Use one hasher per expansion only:
 * it assumes the objects are not changed while it lives.
 */
export function createGameIdHasher(): (g: GameIdContent) => string {
  const memo = new WeakMap<object, string>();
  const once = (value: object, make: () => unknown): string => {
    let text = memo.get(value);
    if (text === undefined) {
      text = canonicalJson(make());
      memo.set(value, text);
    }
    return text;
  };
  return (g) => {
    const participants = g.participants.map((p) => once(p, () => withoutTransport(p)));
    return hashText(
      `{"focalId":${JSON.stringify(g.focalId)},"kind":${JSON.stringify(g.kind)},` +
        `"order":${JSON.stringify(g.order)},"params":${once(g.params, () => g.params)},` +
        `"participants":[${participants.join(',')}],"protocol":${once(g.protocol, () => g.protocol)},` +
        `"seed":${JSON.stringify(g.seed)},"v":${GAME_ID_VERSION}}`,
    );
  };
}

/** The version of the sweep id formula; it is part of the hashed content. */
export const SWEEP_ID_VERSION = 2;

/**
 * Sweep fields that say how a run goes, not which games it plans: raising the budget, the
 * concurrency or the game cap, batching calls, or moving to another gateway, keeps the sweep's id (its stored
 * document is updated instead).
 */
export const RUN_SETTINGS = ['concurrency', 'budgetUsd', 'maxGames', 'batch'] as const;

/** The content id of a (parsed) sweep document. */
export function sweepId(sweep: Sweep): string {
  return sweepIdOfDocument(sweep);
}

/**
 * The id of a stored sweep from its document (used by migration 0003). A stored document that is
 * not a sweep of this version (a test's or an old one) is hashed as it is, transport and run
 * settings left out where they appear.
 */
export function sweepIdFromStored(specJson: string): string {
  return sweepIdOfDocument(JSON.parse(specJson) as unknown);
}

function sweepIdOfDocument(doc: unknown): string {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return contentId({ v: SWEEP_ID_VERSION, sweep: doc });
  }
  const content: Record<string, unknown> = { ...doc };
  if (Array.isArray(content.participants)) {
    content.participants = content.participants.map((p: unknown) =>
      p !== null && typeof p === 'object' ? withoutTransport(p as ParticipantSpec) : p,
    );
  }
  for (const field of RUN_SETTINGS) delete content[field];
  return contentId({ v: SWEEP_ID_VERSION, sweep: content });
}

export interface StoredGameRow {
  kind: string;
  paramsJson: string;
  protocolJson: string;
  participantsJson: string;
  seed: number;
  order: string;
  focalId: string;
}

/** The id of a stored game row from its JSON columns. */
export function gameIdFromStored(row: StoredGameRow): string {
  return createStoredGameIdHasher()(row);
}

/**
 * `gameIdFromStored` for many rows (migration 0003): rows of one sweep repeat the same params,
 * protocol and participants text, so each distinct text is parsed and serialised once.
 */
export function createStoredGameIdHasher(): (row: StoredGameRow) => string {
  const hash = createGameIdHasher();
  const parsed = new Map<string, unknown>();
  const parse = <T>(text: string): T => {
    if (!parsed.has(text)) parsed.set(text, JSON.parse(text));
    return parsed.get(text) as T;
  };
  return (row) =>
    hash({
      kind: row.kind as PlannedGame['kind'],
      params: parse<PlannedGame['params']>(row.paramsJson),
      protocol: parse<PlannedGame['protocol']>(row.protocolJson),
      participants: parse<ParticipantSpec[]>(row.participantsJson),
      seed: row.seed,
      order: row.order as PlannedGame['order'],
      focalId: row.focalId,
    });
}
