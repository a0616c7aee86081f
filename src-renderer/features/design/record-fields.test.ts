import { describe, expect, it } from 'vitest';
import type { GameCatalogEntry, GameParamView } from '../../../src-shared/contract';
import { defaultForm, docToForm, fieldOf, formToDoc } from './form-model';
import { withRecordDefaults } from './game-fields';
import { plainIssues } from './issue-text';
import { atRecordField, placeRecordIssue, recordIssues, recordIssueText } from './record-fields';

const holdings = {
  keyPattern: '^[A-Z]$',
  value: { type: 'integer' as const, min: 0, max: null, options: null },
};
const param = (name: string, extra: Partial<GameParamView>): GameParamView => ({
  name,
  label: name,
  type: 'object',
  min: null,
  max: null,
  default: null,
  options: null,
  help: null,
  setByCompetition: false,
  ...extra,
});
/** Resource exchange's records as games:catalog gives them (src-main/host/catalog.test.ts). */
const exchange: GameCatalogEntry = {
  kind: 'resource-exchange',
  title: 'Resource exchange',
  params: [
    param('goal', { type: 'choice', default: 'maximise', options: ['maximise', 'target'] }),
    param('red', { default: { X: 25, Y: 5 }, record: holdings }),
    param('redTarget', { record: holdings }),
    // A structured object (a deliberation folder's data): no record, so no editor.
    param('data', {}),
  ],
  protocols: [],
  competitionAxes: [],
  metrics: [],
};

describe('record parameters in the designer', () => {
  it('fills a record with its default rows; one without a default stays out (no rows)', () => {
    expect(withRecordDefaults({}, exchange)).toEqual({
      red: [
        { key: 'X', value: 25 },
        { key: 'Y', value: 5 },
      ],
    });
    // A record already in the form (a loaded file) is kept as it is.
    const loaded = { red: [{ key: 'Z', value: 1 }] };
    expect(withRecordDefaults(loaded, exchange).red).toEqual(loaded.red);
  });

  it('writes edited rows into game.params and reads them back; an empty record is left out', () => {
    const form = {
      ...defaultForm(),
      kind: 'resource-exchange' as const,
      params: { goal: 'target' },
      records: {
        red: [
          { key: 'X', value: 20 },
          { key: 'Z', value: 3 },
        ],
        redTarget: [],
      },
      otherParams: { itemNames: ['a'] },
    };
    const doc = formToDoc(form);
    expect(doc.game).toEqual({
      kind: 'resource-exchange',
      params: { itemNames: ['a'], red: { X: 20, Z: 3 }, goal: 'target' },
    });
    const back = docToForm(doc);
    expect(back.ok && back.form.records).toEqual({ red: form.records.red });
    expect(back.ok && back.form.otherParams).toEqual({ itemNames: ['a'] });
    // A missing value goes out as null, for the host to name ("enter a number").
    const blank = formToDoc({ ...form, records: { red: [{ key: 'X', value: null }] } });
    expect(blank.game.params).toEqual({ itemNames: ['a'], red: { X: null }, goal: 'target' });
  });

  it('names a row without a name, a repeated name and a name the schema refuses, at the row', () => {
    const rows = [
      { key: 'X', value: 1 },
      { key: '', value: 2 },
      { key: 'X', value: 3 },
      { key: 'x', value: 4 },
    ];
    const issues = recordIssues({ records: { red: rows } }, exchange);
    expect(issues).toEqual([
      { path: 'game.params.red.', message: 'row 2: give it a name' },
      { path: 'game.params.red.X', message: '“X” is listed twice' },
      { path: 'game.params.red.x', message: '“x”: use one capital letter, A to Z' },
    ]);
    expect(issues.map(fieldOf)).toEqual(['params.red', 'params.red', 'params.red']);
    expect(issues.map((i) => recordIssueText(i, 'game.params.red'))).toEqual([
      'row 2: give it a name',
      '“X” is listed twice',
      '“x”: use one capital letter, A to Z',
    ]);
    expect(recordIssues({ records: { red: rows.slice(0, 1) } }, exchange)).toEqual([]);
  });

  it("shows the host's issues of a record at its field, in words, naming the row", () => {
    const host = plainIssues([
      { path: 'game.params.red.Y', message: 'Too small: expected number to be >=0' },
      { path: 'game.params.red.X', message: 'Invalid input: expected number, received null' },
    ]);
    expect(host.map((i) => recordIssueText(i, 'game.params.red'))).toEqual([
      'Y: must be at least 0',
      'X: enter a number',
    ]);
    // The game's check of a competition cell names the parameter first: moved to its field.
    const names = ['incentives'];
    const party = atRecordField(
      {
        path: 'competition.levels[0]',
        message: "incentives: no party named 'Foo' (parties: Mayor, SportCo)",
      },
      names,
    );
    expect(party).toEqual({
      path: 'game.params.incentives',
      message: "no party named 'Foo' (parties: Mayor, SportCo)",
    });
    const row = atRecordField(
      {
        path: 'competition.levels[0]',
        message: 'incentives.SportCo: the folder has no individual_instructions/greedy/SportCo.txt',
      },
      names,
    );
    expect([fieldOf(row), recordIssueText(row, 'game.params.incentives')]).toEqual([
      'params.incentives',
      'SportCo: the folder has no individual_instructions/greedy/SportCo.txt',
    ]);
    // Another parameter's words, or a cell issue of the axis itself, stay where they were.
    const other = { path: 'competition.levels[1]', message: 'rho: out of range' };
    expect(atRecordField(other, names)).toBe(other);
    // Both steps as the designer shows issues, at the field and in the summary.
    expect(
      placeRecordIssue(
        { path: 'competition.levels[0]', message: 'incentives.SportCo: no instructions' },
        names,
      ),
    ).toEqual({ path: 'game.params.incentives.SportCo', message: 'SportCo: no instructions' });
    expect(placeRecordIssue(host[0], ['red'])).toEqual({
      path: 'game.params.red.Y',
      message: 'Y: must be at least 0',
    });
    expect(placeRecordIssue(other, names)).toBe(other);
    // Given the rows: a name the form's rows hold moves; one a cell sets (the focal party) stays.
    const rowsOf = () => ['Foo', 'SportCo'];
    const focal = {
      path: 'competition.incentives[0] (Env cooperative)',
      message: "incentives: no party named 'Env' (parties: Mayor)",
    };
    expect(atRecordField(focal, names, rowsOf)).toBe(focal);
    expect(
      atRecordField(
        { ...focal, message: "incentives: no party named 'Foo' (parties: Mayor)" },
        names,
        rowsOf,
      ),
    ).toEqual({ path: 'game.params.incentives', message: "no party named 'Foo' (parties: Mayor)" });
    expect(
      atRecordField(
        { path: 'competition.levels[0]', message: 'incentives.SportCo: no file' },
        names,
        rowsOf,
      ).path,
    ).toBe('game.params.incentives.SportCo');
  });
});
