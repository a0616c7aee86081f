// The two-party games and deliberation designed in the form and played from the UI, in Chromium
// against `parley serve`: choose the game, set a parameter that is not a number (a choice, or a
// game folder's path), fix a field error the form shows in words, launch, wait in Runs until
// every game finished, open one transcript, and read the stored sweep and games beside the
// server to see the value reached them. Screenshots of the Design screen go to tests/artifacts/.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './build-renderer';
import { ARTIFACTS, launchBrowser, openApp, pageErrors, serve } from './harness';
import type { Served } from './harness';

let browser: Browser;
let served: Served | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await served?.stop();
  served = null;
});

interface Stored {
  params: Record<string, unknown>;
  games: { status: string; kind: string; params: Record<string, unknown> }[];
}

/** The sweep document and its games as the server stored them (WAL allows a second reader). */
function stored(dbPath: string, sweepId: string): Stored {
  const db = new Database(dbPath, { readonly: true });
  try {
    const sweep = db.prepare('SELECT spec_json FROM sweeps WHERE id = ?').get(sweepId) as {
      spec_json: string;
    };
    const games = db
      .prepare(
        `SELECT g.status, g.kind, g.params_json FROM games g
         JOIN sweep_games s ON s.game_id = g.id WHERE s.sweep_id = ? ORDER BY g.id`,
      )
      .all(sweepId) as { status: string; kind: string; params_json: string }[];
    return {
      params: (JSON.parse(sweep.spec_json) as { game: { params: Record<string, unknown> } }).game
        .params,
      games: games.map((g) => ({
        status: g.status,
        kind: g.kind,
        params: JSON.parse(g.params_json) as Record<string, unknown>,
      })),
    };
  } finally {
    db.close();
  }
}

/** The whole Design screen at both window sizes the app is checked at. */
async function shootDesign(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: join(ARTIFACTS, `design-${name}-${size.width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The Game section in view (the screen scrolls, not the page), at both window sizes. */
async function shootGameFields(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await page
      .locator('fieldset', { hasText: 'Game' })
      .first()
      .evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, `design-${name}-${size.width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function openDesign(kind: string): Promise<Page> {
  served = await serve();
  const page = await openApp(browser, served.url);
  await page.getByRole('link', { name: 'Design' }).click();
  await page.getByTestId('field-kind').selectOption(kind);
  await page.getByTestId('field-name').fill(`e2e: ${kind} from the form`);
  return page;
}

/** Waits for the form to check out with `games` games, launches, and waits until all finished. */
async function launchAndFinish(page: Page, games: number): Promise<string> {
  await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
  expect(await page.getByTestId('validation').textContent()).toMatch(
    new RegExp(`^Ready: \\d+ cells?, ${games} games?\\.$`),
  );
  await page.getByTestId('launch').click();
  const row = page.locator('[data-testid^="sweep-"][data-phase="complete"]');
  await row.waitFor({ timeout: 90_000 });
  expect(await row.getByTestId('done-count').textContent()).toBe(`${games}/${games}`);
  return (await row.getAttribute('data-testid'))!.replace(/^sweep-/, '');
}

/** Opens the first game of the finished sweep from its game list in Runs. */
async function openFirstTranscript(page: Page, sweepId: string): Promise<void> {
  const row = page.getByTestId(`sweep-${sweepId}`);
  await row.getByTestId('toggle-games').click();
  await row.getByTestId('game-list-row').first().waitFor();
  const href = await row.getByTestId('game-list-open').first().getAttribute('href');
  const gameId = decodeURIComponent(href!.replace('#/transcripts/', ''));
  await row.getByTestId('game-list-open').first().click();
  await page.locator(`[data-testid="transcript"][data-game="${gameId}"]`).waitFor();
}

/** The strategy each participant row of the form plays, in table order. */
async function rowStrategies(page: Page): Promise<string[]> {
  return page
    .getByTestId('participants')
    .locator('select[aria-label^="Strategy of"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
}

async function strategyOptions(page: Page): Promise<string[]> {
  return page
    .getByTestId('participants')
    .locator('select[aria-label^="Strategy of"]')
    .first()
    .locator('option')
    .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
}

const setRuns = (page: Page, n: number) => page.getByTestId('field-runs').fill(String(n));

/** A record parameter's rows as shown: [name, value] per row. */
async function recordRows(page: Page, name: string): Promise<string[][]> {
  return page
    .getByTestId(`param-${name}`)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('input, select')].map(
          (e) => (e as HTMLInputElement | HTMLSelectElement).value,
        ),
      ),
    );
}

/** The problems a record parameter's field shows, once it shows any. */
async function fieldIssues(page: Page, name: string): Promise<string[]> {
  const list = page.getByTestId(`param-${name}`).locator('.field-issues li');
  await list.first().waitFor();
  return list.allTextContents();
}

describe('the new games from the Design screen', () => {
  it('price: the buy-sell preset, a turn limit fixed after a plain error, played to the end', async () => {
    const page = await openDesign('price');
    // Only the price strategies are offered, and the default rows moved onto them.
    expect(await strategyOptions(page)).toEqual([
      'very-conceding',
      'conceding',
      'conceder',
      'linear',
      'boulware',
      'hard',
      'hardliner',
      'tit-for-tat',
      'fixed-price-strict',
      'fixed-price-loose',
      'split-the-difference',
      'random',
    ]);
    // Rows sorted by c: 0.2, 0.5 (baseline), 0.8 were the 2nd, 1st and 3rd rows of the form.
    expect(await rowStrategies(page)).toEqual(['conceding', 'very-conceding', 'conceder']);
    expect(await page.getByTestId('field-protocol').textContent()).toBe('Alternating offers');
    expect(await page.getByTestId('field-rounds').count()).toBe(0);
    expect(await page.getByTestId('param-preset').inputValue()).toBe('price-domain');
    await page.getByTestId('param-preset').selectOption('buy-sell');
    // An optional number starts empty (the preset's turn limit); 1 is refused in words.
    expect(await page.getByTestId('param-turns').inputValue()).toBe('');
    await page.getByTestId('param-turns').fill('1');
    await page.locator('[data-testid="param-turns"][aria-invalid="true"]').waitFor();
    expect(await page.locator('.field.invalid .field-issues').first().textContent()).toBe(
      ' must be at least 2',
    );
    await page.getByTestId('param-turns').fill('12');
    await setRuns(page, 1);
    await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
    await shootDesign(page, 'price');

    const sweepId = await launchAndFinish(page, 6);
    const s = stored(served!.dbPath, sweepId);
    expect(s.params).toEqual({ preset: 'buy-sell', opener: 'seller', turns: 12 });
    expect(s.games.map((g) => g.status)).toEqual(Array(6).fill('finished'));
    expect(new Set(s.games.map((g) => [g.kind, g.params.preset, g.params.turns].join()))).toEqual(
      new Set(['price,buy-sell,12']),
    );
    await openFirstTranscript(page, sweepId);
    expect(pageErrors(page)).toEqual([]);
  });

  it('ultimatum: a rejection keeps the holdings, played to the end', async () => {
    const page = await openDesign('ultimatum');
    expect(await rowStrategies(page)).toEqual(['greedy', 'fair-split', 'very-conceding']);
    expect(await page.getByTestId('param-onReject').inputValue()).toBe('nothing');
    await page.getByTestId('param-onReject').selectOption('keep');
    // One competition level: the ultimatum game has no competition axis.
    await page.getByTestId('level-0.5').click();
    await page.getByTestId('level-1').click();
    await setRuns(page, 2);
    const sweepId = await launchAndFinish(page, 4);
    const s = stored(served!.dbPath, sweepId);
    expect(s.params).toEqual({ pot: 100, iterations: 8, onReject: 'keep' });
    expect(s.games.map((g) => [g.status, g.params.onReject])).toEqual(
      Array(4).fill(['finished', 'keep']),
    );
    await openFirstTranscript(page, sweepId);
    expect(pageErrors(page)).toEqual([]);
  });

  it('participants removed by keyboard: focus stays in the table, then on Add', async () => {
    const page = await openDesign('ultimatum');
    expect(await rowStrategies(page)).toEqual(['greedy', 'fair-split', 'very-conceding']);
    const focused = () =>
      page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
      );
    const removes = page.getByTestId('participants').locator('button[data-remove-row]');
    // The middle row: focus moves to the row that took its place.
    await removes.nth(1).focus();
    await page.keyboard.press('Enter');
    expect(await rowStrategies(page)).toEqual(['greedy', 'very-conceding']);
    expect(await focused()).toBe(await removes.nth(1).getAttribute('aria-label'));
    // The last row: to the row before it.
    await page.keyboard.press('Enter');
    expect(await rowStrategies(page)).toEqual(['greedy']);
    expect(await focused()).toBe(await removes.nth(0).getAttribute('aria-label'));
    // The only row: to Add.
    await page.keyboard.press('Enter');
    expect(await rowStrategies(page)).toEqual([]);
    expect(await focused()).toBe('Add strategy agent');
    expect(pageErrors(page)).toEqual([]);
  });

  it('resource exchange: holdings and targets edited by resource, errors in words, played to the end', async () => {
    const page = await openDesign('resource-exchange');
    await page.getByTestId('param-goal').selectOption('target');
    // Holdings start as the game's defaults, one row per resource; targets start empty.
    expect(await recordRows(page, 'red')).toEqual([
      ['X', '25'],
      ['Y', '5'],
    ]);
    expect(await recordRows(page, 'blue')).toEqual([
      ['X', '5'],
      ['Y', '25'],
    ]);
    expect(await recordRows(page, 'redTarget')).toEqual([]);
    expect(await page.getByTestId('param-redTarget-empty').textContent()).toBe(
      'none: the game’s default',
    );
    // Each record says what it holds, from the game's schema.
    expect(await page.getByTestId('param-redTarget').locator('.hint').first().textContent()).toBe(
      'Target goal: the holdings RED must reach. Default 15 of every resource.',
    );
    await page.getByTestId('param-red-value-0').fill('20');
    // A third resource for RED: Add offers the next free letter; a lower-case name is refused.
    await page.getByTestId('param-red-add').click();
    expect(await page.getByTestId('param-red-key-2').inputValue()).toBe('A');
    await page.getByTestId('param-red-key-2').fill('z');
    await page.getByTestId('param-red-value-2').fill('3');
    expect(await fieldIssues(page, 'red')).toEqual(['“z”: use one capital letter, A to Z']);
    await page.getByTestId('param-red-key-2').fill('Z');
    // Targets: a resource named twice is refused, then fixed.
    await page.getByTestId('param-redTarget-add').click();
    await page.getByTestId('param-redTarget-key-0').fill('X');
    await page.getByTestId('param-redTarget-value-0').fill('15');
    await page.getByTestId('param-redTarget-add').click();
    await page.getByTestId('param-redTarget-key-1').fill('X');
    await page.getByTestId('param-redTarget-value-1').fill('12');
    expect(await fieldIssues(page, 'redTarget')).toEqual(['“X” is listed twice']);
    await page.getByTestId('param-redTarget-key-1').fill('Y');
    // A negative holding: the game's schema refuses it, said at BLUE's row in words.
    await page.getByTestId('param-blue-value-1').fill('-1');
    await page.locator('[data-testid="param-blue-value-1"][aria-invalid="true"]').waitFor();
    expect(await fieldIssues(page, 'blue')).toEqual(['Y: must be at least 0']);
    await shootGameFields(page, 'resource-exchange-error');
    await page.getByTestId('param-blue-value-1').fill('20');
    // An emptied value: "enter a number", at its row.
    await page.getByTestId('param-blue-value-0').fill('');
    await page.locator('[data-testid="param-blue-value-0"][aria-invalid="true"]').waitFor();
    expect(await fieldIssues(page, 'blue')).toEqual(['X: enter a number']);
    await page.getByTestId('param-blue-value-0').fill('5');
    // A row added and removed by keyboard: focus moves on to Add, and the record is left out.
    await page.getByTestId('param-blueTarget-add').click();
    await page.getByTestId('param-blueTarget-remove-0').focus();
    await page.keyboard.press('Enter');
    expect(await recordRows(page, 'blueTarget')).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'param-blueTarget-add',
    );
    await page.getByTestId('level-0.5').click();
    await setRuns(page, 1);
    await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
    await shootDesign(page, 'resource-exchange');
    await shootGameFields(page, 'resource-exchange-records');

    const sweepId = await launchAndFinish(page, 4);
    const s = stored(served!.dbPath, sweepId);
    const edited = {
      red: { X: 20, Y: 5, Z: 3 },
      blue: { X: 5, Y: 20 },
      redTarget: { X: 15, Y: 12 },
    };
    expect(s.params).toEqual({ goal: 'target', iterations: 8, ...edited });
    expect(
      s.games.map((g) => [
        g.status,
        g.params.goal,
        g.params.red,
        g.params.blue,
        g.params.redTarget,
      ]),
    ).toEqual(Array(4).fill(['finished', 'target', edited.red, edited.blue, edited.redTarget]));
    await openFirstTranscript(page, sweepId);
    expect(pageErrors(page)).toEqual([]);
  });

  it('deliberation: a game folder by path, the party count asked at Agents, played to the end', async () => {
    const page = await openDesign('deliberation');
    expect(await strategyOptions(page)).toEqual(['deliberation-rule']);
    expect(await rowStrategies(page)).toEqual(Array(3).fill('deliberation-rule'));
    expect(await page.getByTestId('field-protocol').textContent()).toBe('Deliberation rounds');
    // A folder of the published format elsewhere on disk: a copy of the shipped base game.
    const folder = join(served!.dir, 'my-town');
    cpSync(join(ROOT, 'resources', 'games', 'deliberation', 'base'), folder, { recursive: true });
    expect(await page.getByTestId('param-folder').inputValue()).toBe('base');
    await page.getByTestId('param-folder').fill(join(served!.dir, 'no-such-folder'));
    await page.locator('[data-testid="param-folder"][aria-invalid="true"]').waitFor();
    expect(await page.locator('.field.invalid .field-issues').first().textContent()).toMatch(
      /no-such-folder: is not a folder$/,
    );
    await page.getByTestId('param-folder').fill(folder);
    // Six parties need six agents: said at the Agents field.
    await page.locator('[data-testid="field-agents"][aria-invalid="true"]').waitFor();
    expect(await page.locator('.field.invalid .field-issues').first().textContent()).toBe(
      ' the folder has 6 parties, so the game needs 6 agents, got 2',
    );
    await page.getByTestId('field-agents').fill('6');
    // Incentives per party: a party the folder does not have, and an incentive it has no
    // instructions for, are said at the field in the folder's words; then one that plays.
    expect(await page.getByTestId('param-incentives-value-0').count()).toBe(0);
    await page.getByTestId('param-incentives-add').click();
    await page.getByTestId('param-incentives-key-0').fill('Foo');
    await page.getByTestId('param-incentives-value-0').selectOption('greedy');
    expect(await fieldIssues(page, 'incentives')).toEqual([
      "no party named 'Foo' (parties: Mayor, Other cities, Local Labour Union, SportCo, Department of Tourism, Environmental League)",
    ]);
    await page.getByTestId('param-incentives-key-0').fill('SportCo');
    await page.getByTestId('param-incentives-value-0').selectOption('targeted_adv');
    await page
      .getByTestId('param-incentives')
      .locator('.field-issues li', { hasText: /^SportCo:/ })
      .waitFor();
    expect(await fieldIssues(page, 'incentives')).toEqual([
      'SportCo: the folder has no individual_instructions/targeted_adv/SportCo.txt',
    ]);
    await page.getByTestId('param-incentives-value-0').selectOption('cooperative');
    await page.getByTestId('level-0.5').click();
    await page.getByTestId('level-1').click();
    await setRuns(page, 1);
    await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
    await shootDesign(page, 'deliberation');
    await shootGameFields(page, 'deliberation-incentives');

    const sweepId = await launchAndFinish(page, 2);
    const s = stored(served!.dbPath, sweepId);
    expect(s.params).toEqual({ folder, window: 6, incentives: { SportCo: 'cooperative' } });
    expect(s.games.map((g) => [g.status, g.params.folder, g.params.incentives])).toEqual(
      Array(2).fill(['finished', folder, { SportCo: 'cooperative' }]),
    );
    await openFirstTranscript(page, sweepId);
    await page.getByTestId('parties-panel').filter({ hasText: 'SportCo' }).waitFor();
    // Competition levels, not incentives: the header says the level.
    expect(await page.getByTestId('reader-level').textContent()).toBe('competition 0.00');
    expect(pageErrors(page)).toEqual([]);
  });

  it('deliberation: a model per party, loaded from the shipped example, edited and played', async () => {
    const page = await openDesign('deliberation');
    await page
      .getByTestId('load-json')
      .setInputFiles(join(ROOT, 'resources', 'examples', 'deliberation-capability-incentive.json'));
    await page.locator('[data-testid="lineup-parties"][aria-pressed="true"]').waitFor();
    expect(await page.getByTestId('field-focalParty').inputValue()).toBe('Environmental League');
    expect(await recordRows(page, 'byRole')).toEqual([['p1', 'rule-coop']]);
    expect(await recordRows(page, 'incentives')).toEqual([
      ['SportCo', 'cooperative'],
      ['Department of Tourism', 'cooperative'],
    ]);
    expect(await pressedIncentives(page)).toEqual(['cooperative', 'greedy', 'untargeted_adv']);
    expect(await roleLabels(page)).toEqual([
      'focal, on the axis',
      'other parties',
      'focal, on the axis',
      'focal, on the axis',
    ]);
    // A focal party the folder does not have: said at the field, naming the folder's parties.
    await page.getByTestId('field-focalParty').fill('Environmental Leage');
    await page.locator('[data-testid="field-focalParty"][aria-invalid="true"]').waitFor();
    const focalField = page.locator('.field', { has: page.getByTestId('field-focalParty') });
    expect(await focalField.locator('.field-issues').textContent()).toBe(
      ' no party named "Environmental Leage" in the folder (parties: Mayor, Other cities, Local Labour Union, SportCo, Department of Tourism, Environmental League)',
    );
    await page.getByTestId('field-focalParty').fill('Environmental League');
    // The Mayor by name, and two incentives of the focal party, one run each.
    await page.getByTestId('param-byParty-add').click();
    await page.getByTestId('param-byParty-key-0').fill('Mayor');
    await page.getByTestId('param-byParty-value-0').selectOption('rule-coop');
    await page.getByTestId('incentive-untargeted_adv').click();
    await setRuns(page, 1);
    await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
    expect(await page.getByTestId('grid-preview').textContent()).toMatch(
      /^3 capabilities × 2 incentives × 1 run = 6 games/,
    );
    await shootParties(page);

    const sweepId = await launchAndFinish(page, 6);
    const spec = storedSpec(served!.dbPath, sweepId);
    expect([spec.lineup, spec.competition]).toEqual([
      {
        mode: 'parties',
        focalParty: 'Environmental League',
        focalModels: ['focal-small', 'focal-medium', 'focal-large'],
        models: 'rule-coop',
        byRole: { p1: 'rule-coop' },
        byParty: { Mayor: 'rule-coop' },
      },
      { incentives: ['cooperative', 'greedy'] },
    ]);
    const s = stored(served!.dbPath, sweepId);
    expect(
      s.games
        .map((g) => [
          g.status,
          (g.params.incentives as Record<string, string>)['Environmental League'],
        ])
        .sort(),
    ).toEqual([
      ...Array(3).fill(['finished', 'cooperative']),
      ...Array(3).fill(['finished', 'greedy']),
    ]);
    expect(pageErrors(page)).toEqual([]);
  });
});

/** The whole stored sweep document. */
function storedSpec(dbPath: string, sweepId: string): Record<string, unknown> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db.prepare('SELECT spec_json FROM sweeps WHERE id = ?').get(sweepId) as {
      spec_json: string;
    };
    return JSON.parse(row.spec_json) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

const pressedIncentives = (page: Page) =>
  page
    .locator('[data-testid^="incentive-"][aria-pressed="true"]')
    .evaluateAll((els) => els.map((e) => e.textContent));

/** The role each participant row has, as its select shows it, in table order. */
const roleLabels = (page: Page) =>
  page
    .getByTestId('participants')
    .locator('select[aria-label^="Role of"]')
    .evaluateAll((els) =>
      els.map((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
    );

/** The capability axis and the line-up, and the competition axis, at both window sizes. */
async function shootParties(page: Page): Promise<void> {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await page.getByTestId('participants').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, `design-parties-${size.width}.png`) });
    await page.getByTestId('levels').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, `design-parties-axis-${size.width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
