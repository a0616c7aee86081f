import { describe, expect, it } from 'vitest';
import { defaultForm, strategyRow } from './form-model';
import { fieldLabel, issuesByRow, plainMessage } from './issue-text';

describe('issues in plain words', () => {
  it("translates zod's texts into what to do", () => {
    const say = (path: string, message: string) => plainMessage({ path, message });
    expect(say('lineup.baseline', 'Too small: expected string to have >=1 characters')).toBe(
      'choose a baseline: set one participant’s role to “baseline”',
    );
    expect(say('name', 'Too small: expected string to have >=1 characters')).toBe(
      'give the sweep a name',
    );
    expect(say('rounds', 'Invalid input: expected number, received NaN')).toBe('enter a number');
    expect(say('rounds', 'Too small: expected number to be >=1')).toBe('must be at least 1');
    expect(say('participants[2].capability', 'Too big: expected number to be <=1')).toBe(
      'must be at most 1',
    );
    expect(say('gamma', 'Too small: expected number to be >0')).toBe('must be more than 0');
    expect(say('game.params.folder', 'Invalid input: expected string, received number')).toBe(
      'enter text',
    );
    expect(say('game.params.onReject', 'Invalid option: expected one of "nothing"|"keep"')).toBe(
      'choose one of nothing, keep',
    );
    expect(fieldLabel({ path: 'protocol', message: '' })).toBe('Protocol');
    // Parley's own messages are already plain.
    expect(say('competition.levels', 'list at least one competition level')).toBe(
      'list at least one competition level',
    );
    expect(fieldLabel({ path: 'runs.count', message: '' })).toBe('Runs per cell');
    expect(fieldLabel({ path: 'game.params.projects', message: '' })).toBe('Game: projects');
  });

  it('places participant issues at their form row, merging repeats', () => {
    const rows = [
      strategyRow(0.5, 'baseline'),
      strategyRow(0.2, 'off'),
      strategyRow(0.8, 'opponent'),
      strategyRow(0.3, 'opponent'),
    ];
    // The document lists active rows only: participants[1] is the 0.8 row, [2] the 0.3 row.
    const { byRow, rest } = issuesByRow(
      [
        { path: 'participants[1].scores.capability', message: 'enter a number' },
        { path: 'participants[1].capability', message: 'enter a number' },
        { path: 'lineup.opponents[1]', message: 'listed twice' },
        { path: 'lineup.baseline', message: 'choose a baseline' },
        { path: 'lineup', message: `participant "${rows[0].id}" has no "elo" score` },
      ],
      { ...defaultForm(), participants: rows },
    );
    expect([...byRow.entries()]).toEqual([
      [rows[2].key, ['enter a number']],
      [rows[3].key, ['listed twice']],
      [rows[0].key, [`participant "${rows[0].id}" has no "elo" score`]],
    ]);
    expect(rest).toEqual([{ path: 'lineup.baseline', message: 'choose a baseline' }]);
  });
});
