import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/examples/deliberation-capability-incentive.json';
import { docToForm, formToDoc, gridSize } from './form-model';
import { issuesByRow } from './issue-text';
import { activeRows } from './party-lineup';

/** The shipped capability x incentive example: a model per party, the focal party's incentive. */
const example = shipped as Record<string, unknown>;

describe('a model per party in the designer', () => {
  it('loads the example into the form and writes the same document back', () => {
    const loaded = docToForm(example);
    if (!loaded.ok) throw new Error(loaded.error);
    const form = loaded.form;
    expect([form.lineupMode, form.focalParty, form.competitionMode]).toEqual([
      'parties',
      'Environmental League',
      'incentives',
    ]);
    expect(form.participants.map((r) => [r.id, r.role])).toEqual([
      ['rule-coop', 'baseline'],
      ['focal-small', 'opponent'],
      ['focal-medium', 'opponent'],
      ['focal-large', 'opponent'],
    ]);
    expect(form.byRole).toEqual([{ key: 'p1', value: 'rule-coop' }]);
    expect(form.byParty).toEqual([]);
    expect(form.records).toEqual({
      incentives: [
        { key: 'SportCo', value: 'cooperative' },
        { key: 'Department of Tourism', value: 'cooperative' },
      ],
    });
    expect(gridSize(form)).toEqual({ rows: 3, columns: 3, orders: 1, runs: 2, games: 18 });
    const { description: _d, ...doc } = formToDoc(form);
    const { description: _e, ...expected } = example;
    // The strategy rows come back as the form writes them (capability and a display name).
    expect({ ...doc, participants: undefined }).toEqual({
      ...expected,
      participants: undefined,
      acceptance: 'unanimous',
      discussionTurns: 2,
      gamma: 0.9,
      rounds: 10,
    });
    expect((doc.participants ?? []).map((p) => p.id)).toEqual([
      'rule-coop',
      'focal-small',
      'focal-medium',
      'focal-large',
    ]);
  });

  it('lists a row a party or role names even when it is not on the axis', () => {
    const loaded = docToForm(example);
    if (!loaded.ok) throw new Error(loaded.error);
    const form = {
      ...loaded.form,
      participants: loaded.form.participants.map((r) =>
        r.id === 'rule-coop' ? { ...r, role: 'off' as const } : r,
      ),
    };
    expect(activeRows(form).map((r) => r.id)).toEqual([
      'rule-coop',
      'focal-small',
      'focal-medium',
      'focal-large',
    ]);
    const doc = formToDoc(form);
    // No "other parties" row: no default model; p1's model is still seated.
    expect(doc.lineup).toEqual({
      mode: 'parties',
      focalParty: 'Environmental League',
      focalModels: ['focal-small', 'focal-medium', 'focal-large'],
      byRole: { p1: 'rule-coop' },
    });
    // The host's issue about a focal model lands at its row.
    const { byRow } = issuesByRow(
      [{ path: 'lineup.focalModels[1]', message: 'duplicate focal model' }],
      form,
    );
    expect([...byRow.entries()]).toEqual([[form.participants[2].key, ['duplicate focal model']]]);
    // Another game: the baseline line-up, as before.
    const other = formToDoc({ ...loaded.form, kind: 'item-allocation' });
    expect(other.lineup).toEqual({
      mode: 'baseline',
      baseline: 'rule-coop',
      opponents: ['focal-small', 'focal-medium', 'focal-large'],
    });
    expect(other.competition).toEqual({ levels: [0, 0.5, 1] });
  });
});
