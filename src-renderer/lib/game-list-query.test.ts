import { describe, expect, it } from 'vitest';
import { listArgs, NO_FILTERS, pageLabel } from './game-list-query';

describe('game list query', () => {
  it('turns the form into games:list arguments, leaving unset filters out', () => {
    expect(listArgs('s1', NO_FILTERS, null, 0)).toEqual({
      sweepId: 's1',
      facets: true,
      limit: 50,
      offset: 0,
    });
    expect(
      listArgs(
        's1',
        {
          focalId: 'br-0.5',
          level: '0.25',
          outcome: 'no-deal',
          round: '',
          order: 'weak_first',
          participantId: 'gpt',
          parseFailures: 'yes',
          tag: 'look',
        },
        { key: 'utility', dir: 'desc' },
        100,
      ),
    ).toEqual({
      sweepId: 's1',
      status: ['finished'],
      deal: false,
      focalId: 'br-0.5',
      competitionLevel: 0.25,
      order: 'weak_first',
      participantId: 'gpt',
      parseFailures: true,
      tag: 'look',
      sort: { key: 'utility', dir: 'desc' },
      facets: true,
      limit: 50,
      offset: 100,
    });
    expect(listArgs('s1', { ...NO_FILTERS, outcome: 'deal', round: '3' }, null, 0)).toMatchObject({
      deal: true,
      round: 3,
    });
  });

  it('leaves the filter values out of a page step', () => {
    expect(listArgs('s1', NO_FILTERS, { key: 'seed', dir: 'asc' }, 50, false)).toEqual({
      sweepId: 's1',
      sort: { key: 'seed', dir: 'asc' },
      limit: 50,
      offset: 50,
    });
  });

  it('says which games the page shows', () => {
    expect(pageLabel(0, 50, 2970)).toBe('1–50 of 2,970 games');
    expect(pageLabel(2950, 20, 2970)).toBe('2,951–2,970 of 2,970 games');
    expect(pageLabel(0, 0, 0)).toBe('no games match');
  });
});
