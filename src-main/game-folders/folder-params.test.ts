import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deliberation,
  deliberationParamsSchema,
  scheduleOf,
} from '../../games/deliberation/definition';
import { folderPath, prepareGameParams, withFolderData } from './folder-params';
import { SHIPPED_BASE_GAME } from './read-game-folder';

const dir = mkdtempSync(join(tmpdir(), 'parley-params-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const params = (raw: Record<string, unknown>) =>
  deliberationParamsSchema.parse(withFolderData(raw));

describe('deliberation params from a folder', () => {
  it('fills the shipped base game in, keeping only the instructions in play', () => {
    const p = params({ incentives: { 'Environmental League': 'untargeted_adv' } });
    expect(p.folder).toBe('base');
    expect(p.data!.parties.map((x) => Object.keys(x.instructions))).toEqual([
      ['cooperative'],
      ['cooperative'],
      ['cooperative'],
      ['greedy'],
      ['greedy'],
      ['untargeted_adv'],
    ]);
    expect(folderPath('base')).toBe(SHIPPED_BASE_GAME);
    expect(folderPath('games/x', '/tmp')).toBe('/tmp/games/x');
  });

  it('builds an instance: parties as preferences, the seeded schedule, feasibility', () => {
    const p = params({ incentives: { 'Environmental League': 'untargeted_adv' } });
    const instance = deliberation.create(p, 6, 3);
    expect(instance.preferences.map((x) => [x.name, x.incentive])).toEqual([
      ['Mayor', 'cooperative'],
      ['Other cities', 'cooperative'],
      ['Local Labour Union', 'cooperative'],
      ['SportCo', 'greedy'],
      ['Department of Tourism', 'greedy'],
      ['Environmental League', 'untargeted_adv'],
    ]);
    expect(instance.realised.feasibility).toEqual({ deals: 720, passing: 55, unanimous: 12 });
    const schedule = instance.realised.schedule as number[];
    expect(schedule).toHaveLength(26);
    expect(schedule).toEqual(scheduleOf(instance));
    expect([schedule[0], schedule[25]]).toEqual([3, 3]);
    expect(deliberation.validateProposal(instance, 'A2,B2,C3,D1,E3')).toEqual({
      ok: true,
      proposal: [1, 1, 2, 0, 2],
    });
    expect(deliberation.validateProposal(instance, 'A4,B2,C3,D1,E3')).toEqual({
      ok: false,
      error: "'A4' is not an option of issue A (A1 to A3)",
    });
    expect(deliberation.rawUtilities(instance, [1, 1, 2, 0, 2])).toEqual([72, 40, 81, 70, 60, 47]);
    expect(deliberation.describeProposal(instance, [1, 1, 2, 0, 2])).toBe('A2,B2,C3,D1,E3');
  });

  it('refuses the wrong number of agents, unknown parties and missing instructions', () => {
    expect(deliberation.check(params({}), 2)).toEqual([
      'the folder has 6 parties, so the game needs 6 agents, got 2',
    ]);
    expect(deliberation.check(params({ incentives: { Mayr: 'greedy' } }), 6)).toEqual([
      "incentives: no party named 'Mayr' (parties: Mayor, Other cities, Local Labour Union, SportCo, Department of Tourism, Environmental League)",
    ]);
    expect(deliberation.check(params({ incentives: { Mayor: 'targeted_adv' } }), 6)).toEqual([
      'incentives.Mayor: the folder has no individual_instructions/targeted_adv/mayor.txt',
    ]);
    const targeted = { incentives: { 'Environmental League': 'targeted_adv' } };
    expect(deliberation.check(params(targeted), 6)).toEqual([
      'incentives.Environmental League: targeted_adv needs a party with the role target',
    ]);
  });

  it('reports a broken folder by file and line for the sweep', () => {
    const copy = join(dir, 'broken');
    cpSync(SHIPPED_BASE_GAME, copy, { recursive: true });
    writeFileSync(join(copy, 'initial_deal.txt'), 'A1,B1,C4,D1,E9');
    expect(prepareGameParams('deliberation', { folder: copy })).toEqual({
      ok: false,
      error: `folder ${JSON.stringify(copy)}: initial_deal.txt line 1: 'E9' is not an option of issue E (E1 to E5)`,
    });
    expect(prepareGameParams('treaty', { issues: 3 })).toEqual({ ok: true, params: { issues: 3 } });
  });
});
