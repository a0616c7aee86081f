// The designer's two line-ups and how each maps to the sweep document: one baseline against the
// participants on the axis (lineup.mode "baseline"), or for a deliberation folder a model per
// party (lineup.mode "parties"): the focal party plays each participant on the axis in turn; the
// other parties play their party's model, else their role's, else the "other parties" row.
import type { SweepInput } from '../../../src-shared/sweep';
import type { DesignForm, ParticipantRow, RecordEntry, Role } from './form-model';

type Lineup = SweepInput['lineup'];
type PartiesLineup = Extract<Lineup, { mode: 'parties' }>;
type LineupFields = Pick<DesignForm, 'kind' | 'lineupMode' | 'byRole' | 'byParty'>;

/** True when the form seats a model per party (a deliberation game only). */
export function usesParties(form: Pick<DesignForm, 'kind' | 'lineupMode'>): boolean {
  return form.kind === 'deliberation' && form.lineupMode === 'parties';
}

/** Participant ids the by-role and by-party rows name. */
function namedIds(form: LineupFields): Set<string> {
  return new Set(
    [...form.byRole, ...form.byParty].map((r) => r.value).filter((v) => typeof v === 'string'),
  );
}

/**
 * The rows the document lists: those with a role, and with a model per party also those a role
 * or party names (a row "not on the axis" that seats SportCo still plays).
 */
export function activeRows(
  form: LineupFields & Pick<DesignForm, 'participants'>,
): ParticipantRow[] {
  const named = usesParties(form) ? namedIds(form) : new Set<string>();
  return form.participants.filter((r) => r.role !== 'off' || named.has(r.id));
}

const asRecord = (rows: readonly RecordEntry[]): Record<string, string> =>
  Object.fromEntries(rows.map((r) => [r.key, typeof r.value === 'string' ? r.value : '']));

/** The document's line-up for the form. */
export function lineupOf(
  form: LineupFields & Pick<DesignForm, 'focalParty'>,
  active: readonly ParticipantRow[],
): Lineup {
  const baseline = active.find((r) => r.role === 'baseline')?.id;
  const axis = active.filter((r) => r.role === 'opponent').map((r) => r.id);
  if (!usesParties(form)) return { mode: 'baseline', baseline: baseline ?? '', opponents: axis };
  return {
    mode: 'parties',
    focalParty: form.focalParty,
    focalModels: axis,
    ...(baseline !== undefined ? { models: baseline } : {}),
    ...(form.byRole.length > 0 ? { byRole: asRecord(form.byRole) } : {}),
    ...(form.byParty.length > 0 ? { byParty: asRecord(form.byParty) } : {}),
  };
}

/** The form's view of a document's line-up: each id's role, the ids it names, and its fields. */
export function lineupFields(lineup: Lineup):
  | {
      ok: true;
      roleOf: (id: string) => Role;
      ids: string[];
      fields: Pick<DesignForm, 'lineupMode' | 'focalParty' | 'byRole' | 'byParty'>;
    }
  | { ok: false; error: string } {
  const rows = (r: Record<string, string> | undefined): RecordEntry[] =>
    Object.entries(r ?? {}).map(([key, value]) => ({ key, value }));
  if (lineup.mode === 'baseline') {
    const { baseline, opponents } = lineup;
    return {
      ok: true,
      roleOf: (id) => (id === baseline ? 'baseline' : opponents.includes(id) ? 'opponent' : 'off'),
      ids: [baseline, ...opponents],
      fields: { lineupMode: 'baseline', focalParty: '', byRole: [], byParty: [] },
    };
  }
  if (lineup.mode === 'parties') {
    const p: PartiesLineup = lineup;
    return {
      ok: true,
      roleOf: (id) =>
        p.focalModels.includes(id) ? 'opponent' : id === p.models ? 'baseline' : 'off',
      ids: [
        ...(p.models !== undefined ? [p.models] : []),
        ...p.focalModels,
        ...Object.values(p.byRole ?? {}),
        ...Object.values(p.byParty ?? {}),
      ],
      fields: {
        lineupMode: 'parties',
        focalParty: p.focalParty,
        byRole: rows(p.byRole),
        byParty: rows(p.byParty),
      },
    };
  }
  return {
    ok: false,
    error: `the form edits baseline and party line-ups; this document uses "${lineup.mode}" (run it with \`parley run\`)`,
  };
}
