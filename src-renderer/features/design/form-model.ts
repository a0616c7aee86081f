// The sweep designer's form state and its two-way mapping to the sweep document the CLI runs
// (src-shared/sweep.ts), plus where each validation issue belongs on the form.
import type { AcceptanceRule, GameKind, ProtocolName } from '../../../src-shared/game';
import type { ParticipantSpec, StrategyName } from '../../../src-shared/participant';
import type { SweepInput } from '../../../src-shared/sweep';

import { activeRows, lineupFields, lineupOf } from './party-lineup';

export { fieldOf, issuesByField } from './issue-fields';
export { gridSize, usesGrid, usesIncentives } from './form-grid';
import { usesGrid, usesIncentives } from './form-grid';

export type Role = 'baseline' | 'opponent' | 'off';
export type OrderChoice = 'weak_first' | 'strong_first' | 'both' | 'random';

/** One participant row: an editable strategy agent, a registry model, or a loaded inline spec. */
export type ParticipantRow =
  | {
      key: string;
      source: 'strategy';
      id: string;
      role: Role;
      strategy: StrategyName;
      capability: number;
      displayName: string;
    }
  | { key: string; source: 'registry'; id: string; role: Role }
  | { key: string; source: 'inline'; id: string; role: Role; spec: ParticipantSpec };

export interface DesignForm {
  name: string;
  description: string;
  kind: GameKind;
  /**
   * Game parameters the form shows, by name (those of games:catalog, filled with its defaults);
   * an optional one left empty is absent, so the game's default applies.
   */
  params: Record<string, ParamValue>;
  /**
   * Record parameters (names to values, such as holdings per resource or incentives per party),
   * row by row as edited; an empty one is absent, so the game's default applies.
   */
  records: Record<string, RecordEntry[]>;
  /** Game parameters the form does not show (lists, structured data), kept as loaded. */
  otherParams: Record<string, unknown>;
  /** The protocol to play; null = the game's first (its default). */
  protocol: ProtocolName | null;
  agents: number;
  rounds: number;
  gamma: number;
  acceptance: AcceptanceRule;
  discussionTurns: number;
  capabilityMetric: string;
  participants: ParticipantRow[];
  /**
   * Who sits where: the baseline against each participant on the axis, or (deliberation) a model
   * per party, the focal party playing each participant on the axis (party-lineup.ts).
   */
  lineupMode: 'baseline' | 'parties';
  /** Model per party: the party whose model is the capability axis. */
  focalParty: string;
  /** Model per party: a participant id per role and per party name, before the baseline row's. */
  byRole: RecordEntry[];
  byParty: RecordEntry[];
  /**
   * Competition axis: levels in [0, 1], (treaty only) a rho x theta grid, or (a model per party)
   * the focal party's incentives.
   */
  competitionMode: 'levels' | 'rhoTheta' | 'incentives';
  incentives: string[];
  levels: number[];
  rho: number[];
  theta: number[];
  orders: OrderChoice;
  runs: number;
  baseSeed: number;
  concurrency: number;
  budgetUsd: number | null;
  /** Document fields the form does not edit, kept so Save JSON round-trips a loaded file. */
  extra: Record<string, unknown>;
}

/** A value of a parameter the form edits: a number, a choice or text, or a yes/no. */
export type ParamValue = number | string | boolean;

/** One row of a record parameter: a name and its value (null while not given). */
export interface RecordEntry {
  key: string;
  value: ParamValue | null;
}

export const LEVEL_PRESETS = [0, 0.25, 0.5, 0.75, 1];
export const RHO_PRESETS = [-1, -0.5, 0, 0.5, 1];
export const THETA_PRESETS = [0, 0.25, 0.5, 0.75, 1];

/** A strategy row with a new strategy or capability, its id and name following them. */
export function withStrategy(
  row: Extract<ParticipantRow, { source: 'strategy' }>,
  patch: { capability?: number; strategy?: StrategyName },
): Extract<ParticipantRow, { source: 'strategy' }> {
  const capability = patch.capability ?? row.capability;
  const strategy = patch.strategy ?? row.strategy;
  const short = strategy === 'bounded-rational' ? 'br' : strategy;
  const label =
    strategy === 'bounded-rational'
      ? 'Bounded-rational'
      : strategy[0].toUpperCase() + strategy.slice(1);
  return {
    ...row,
    capability,
    strategy,
    id: `${short}-${capability}`,
    displayName: `${label} c=${capability}`,
  };
}

/** True for a value the form edits as a game parameter (not a list or a record). */
export const isParamValue = (v: unknown): v is ParamValue =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

/** True for a non-empty object of plain values (a record the form edits row by row). */
const isRecordValue = (v: unknown): v is Record<string, ParamValue> =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.values(v).every(isParamValue);

/**
 * The record parameters as the document has them: rows in order (a later row with the same name
 * wins; the form reports the repeat), an empty record left out, a missing value as null.
 */
export function recordParams(
  records: Record<string, readonly RecordEntry[]>,
): Record<string, Record<string, ParamValue | null>> {
  const out: Record<string, Record<string, ParamValue | null>> = {};
  for (const [name, rows] of Object.entries(records))
    if (rows.length > 0) out[name] = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return out;
}

let keySeq = 0;
export const rowKey = (): string => `row-${++keySeq}`;

export function strategyRow(
  capability: number,
  role: Role,
  strategy: StrategyName = 'bounded-rational',
): ParticipantRow {
  const c = Math.round(capability * 100) / 100;
  const row = { key: rowKey(), source: 'strategy' as const, role, strategy, capability: c };
  return withStrategy({ ...row, id: '', displayName: '' }, {});
}

export function defaultForm(): DesignForm {
  return {
    name: 'capability x competition',
    description: '',
    kind: 'item-allocation',
    // Filled with the game's defaults when the catalog arrives (withParamDefaults).
    params: {},
    records: {},
    otherParams: {},
    protocol: null,
    agents: 2,
    rounds: 10,
    gamma: 0.9,
    acceptance: 'unanimous',
    discussionTurns: 2,
    capabilityMetric: 'capability',
    participants: [
      strategyRow(0.5, 'baseline'),
      strategyRow(0.2, 'opponent'),
      strategyRow(0.8, 'opponent'),
    ],
    lineupMode: 'baseline',
    focalParty: '',
    byRole: [],
    byParty: [],
    competitionMode: 'levels',
    incentives: [],
    levels: [0, 0.5, 1],
    rho: [-1, 0, 1],
    theta: [0, 0.5, 1],
    orders: 'weak_first',
    runs: 3,
    baseSeed: 1,
    concurrency: 4,
    budgetUsd: null,
    extra: {},
  };
}

function specOf(row: ParticipantRow): ParticipantSpec | null {
  if (row.source === 'inline') return row.spec;
  if (row.source === 'registry') return null;
  return {
    id: row.id,
    kind: 'strategy',
    strategy: row.strategy,
    capability: row.capability,
    displayName: row.displayName || undefined,
    scores: { capability: row.capability },
  };
}

/** The sweep document for the form: exactly what Save JSON writes and the CLI runs. */
export function formToDoc(form: DesignForm): SweepInput {
  const active = activeRows(form);
  const isGrid = usesGrid(form);
  const params: Record<string, unknown> = {
    ...form.otherParams,
    ...recordParams(form.records),
    ...form.params,
  };
  // On a rho x theta grid each cell sets rho and theta itself.
  if (isGrid) {
    delete params.rho;
    delete params.theta;
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const doc: SweepInput = {
    ...form.extra,
    name: form.name,
    ...(form.description ? { description: form.description } : {}),
    game: { kind: form.kind, params },
    ...(form.protocol !== null ? { protocol: form.protocol } : {}),
    agents: form.agents,
    rounds: form.rounds,
    gamma: form.gamma,
    acceptance: form.acceptance,
    discussionTurns: form.discussionTurns,
    participants: active.map(specOf).filter((p): p is ParticipantSpec => p !== null),
    capabilityMetric: form.capabilityMetric,
    lineup: lineupOf(form, active),
    competition: usesIncentives(form)
      ? { incentives: form.incentives }
      : isGrid
        ? { rho: sorted(form.rho), theta: sorted(form.theta) }
        : { levels: sorted(form.levels) },
    orders: form.orders === 'both' ? 'both' : [form.orders],
    runs: { count: form.runs, baseSeed: form.baseSeed },
    concurrency: form.concurrency,
    ...(form.budgetUsd !== null ? { budgetUsd: form.budgetUsd } : {}),
  };
  return doc;
}

const FORM_FIELDS = [
  'name',
  'description',
  'game',
  'protocol',
  'agents',
  'rounds',
  'gamma',
  'acceptance',
  'discussionTurns',
  'participants',
  'capabilityMetric',
  'lineup',
  'competition',
  'orders',
  'runs',
  'concurrency',
  'budgetUsd',
];

/** Loads a sweep document into the form; explains what it cannot edit. */
export function docToForm(
  input: unknown,
): { ok: true; form: DesignForm } | { ok: false; error: string } {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, error: 'the file is not a sweep document (expected a JSON object)' };
  const doc = input as Partial<SweepInput> & Record<string, unknown>;
  const base = defaultForm();
  if (!doc.lineup) return { ok: false, error: 'the document has no "lineup"' };
  const lineup = lineupFields(doc.lineup);
  if (!lineup.ok) return lineup;
  const comp = doc.competition;
  if (!comp) return { ok: false, error: 'the document has no "competition" axis' };
  if ('alpha' in comp) {
    return {
      ok: false,
      error:
        'the form edits competition levels or rho x theta; this document uses alpha x sigma (run it with `parley run`)',
    };
  }
  const isGrid = 'rho' in comp;
  const runs = doc.runs;
  if (runs && 'seeds' in runs)
    return {
      ok: false,
      error:
        'the form edits "runs.count" with a base seed; this document lists explicit seeds (run it with `parley run`)',
    };
  const kind = doc.game?.kind ?? base.kind;
  const rawParams = (doc.game?.params ?? {}) as Record<string, unknown>;
  const params: Record<string, ParamValue> = {};
  const records: Record<string, RecordEntry[]> = {};
  const otherParams: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rawParams)) {
    if (isParamValue(v)) params[k] = v;
    else if (isRecordValue(v))
      records[k] = Object.entries(v).map(([key, value]) => ({ key, value }));
    else otherParams[k] = v;
  }
  const { roleOf } = lineup;
  const inline = (doc.participants ?? []) as ParticipantSpec[];
  const rows: ParticipantRow[] = inline.map((spec) =>
    spec.kind === 'strategy' &&
    spec.capability !== undefined &&
    !spec.persona &&
    spec.exponent === undefined
      ? {
          key: rowKey(),
          source: 'strategy',
          id: spec.id,
          role: roleOf(spec.id),
          strategy: spec.strategy,
          capability: spec.capability,
          displayName: spec.displayName ?? '',
        }
      : { key: rowKey(), source: 'inline', id: spec.id, role: roleOf(spec.id), spec },
  );
  for (const id of lineup.ids) {
    if (!rows.some((r) => r.id === id))
      rows.push({ key: rowKey(), source: 'registry', id, role: roleOf(id) });
  }
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!FORM_FIELDS.includes(k)) extra[k] = v;
  const orders = orderChoice(doc.orders);
  if (orders === null)
    return {
      ok: false,
      error:
        'the form runs one order or both weak/strong first; this document lists another combination (run it with `parley run`)',
    };
  return {
    ok: true,
    form: {
      ...base,
      name: doc.name ?? base.name,
      description: doc.description ?? '',
      kind,
      params,
      records,
      otherParams,
      protocol: doc.protocol ?? null,
      agents: doc.agents ?? base.agents,
      rounds: doc.rounds ?? base.rounds,
      gamma: doc.gamma ?? base.gamma,
      acceptance: doc.acceptance ?? base.acceptance,
      discussionTurns: doc.discussionTurns ?? base.discussionTurns,
      capabilityMetric: doc.capabilityMetric ?? base.capabilityMetric,
      participants: rows,
      ...lineup.fields,
      competitionMode: isGrid ? 'rhoTheta' : 'incentives' in comp ? 'incentives' : 'levels',
      incentives: 'incentives' in comp ? comp.incentives : [],
      levels: 'levels' in comp ? comp.levels : base.levels,
      rho: 'rho' in comp ? comp.rho : base.rho,
      theta: 'theta' in comp ? comp.theta : base.theta,
      orders,
      runs: runs?.count ?? base.runs,
      baseSeed: runs?.baseSeed ?? base.baseSeed,
      concurrency: doc.concurrency ?? base.concurrency,
      budgetUsd: doc.budgetUsd ?? null,
      extra,
    },
  };
}

function orderChoice(orders: SweepInput['orders']): OrderChoice | null {
  if (orders === undefined) return 'weak_first';
  if (orders === 'both') return 'both';
  const set = new Set(orders);
  if (set.size === 1) return orders[0];
  return set.size === 2 && set.has('weak_first') && set.has('strong_first') ? 'both' : null;
}
