// The transcript reader and the search across transcripts, in Chromium against `parley serve` on
// the demo sweep (250 strategy-agent games): the picker shows the host-paged list, setup
// prompts fold, votes read as accept/reject, the vote table's header covers no proposal at
// 1024 px, next/previous match with a "k of n" count, a deep link leads back to its sweep, and a
// search over every transcript finds hand-counted turns and opens one in its game.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';
import { startMockLlm } from '../../src-main/mock-llm/server';
import type { MockLlm } from '../../src-main/mock-llm/server';

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

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).textContent())?.trim();

async function goto(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** Counts in the server's database, read beside it (WAL allows a second reader). */
function count(dbPath: string, sql: string, ...args: unknown[]): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('transcripts in Chromium', () => {
  it('reads, steps through matches and searches every transcript of the demo', async () => {
    served = await serve();
    const page = await openApp(browser, served.url);
    await page.getByTestId('run-demo').click();
    const row = page.locator('[data-testid^="sweep-"][data-phase="complete"]');
    await row.waitFor({ timeout: 90_000 });
    const sweepId = (await row.getAttribute('data-testid'))!.replace(/^sweep-/, '');

    // Picker: the shared game list, paged by the host (transcript-picker.e2e.test.ts tests it).
    await goto(page, `#/transcripts?sweep=${encodeURIComponent(sweepId)}`);
    await page.getByTestId('game-list-table').waitFor();
    expect(await text(page, 'game-list-total')).toBe('1–50 of 250 games');
    await screenshot(page, 'transcripts-01-picker');

    // A game that ran several rounds: setup prompts folded, so round 1 is on the first screen.
    const gameId = (
      await new Promise<string>((resolve) => {
        const db = new Database(served!.dbPath, { readonly: true });
        const r = db
          .prepare(
            `SELECT id FROM games WHERE agreement_round >= 3 ORDER BY agreement_round, id LIMIT 1`,
          )
          .get() as { id: string };
        db.close();
        resolve(r.id);
      })
    ).toString();
    // A deep link without ?sweep=.
    await goto(page, `#/transcripts/${encodeURIComponent(gameId)}`);
    await page.locator(`[data-testid="transcript"][data-game="${gameId}"]`).waitFor();
    const toggles = page.getByTestId('setup-toggle');
    expect(await toggles.count()).toBe(2);
    expect(await toggles.first().getAttribute('aria-expanded')).toBe('false');
    const timeline = await page.getByTestId('timeline').boundingBox();
    const round1 = await page.getByRole('heading', { name: 'Round 1' }).boundingBox();
    expect(round1!.y + round1!.height).toBeLessThan(timeline!.y + timeline!.height);
    await screenshot(page, 'transcripts-02-reader-1440');
    // Keyboard: the toggle unfolds the whole prompt.
    await toggles.first().focus();
    await page.keyboard.press('Enter');
    expect(await toggles.first().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await toggles.first().getAttribute('aria-expanded')).toBe('false');

    // Votes read as accept/reject per proposal, as the tally recorded them.
    const firstVote = page.locator('[data-testid="turn"][data-phase="vote"]').first();
    // allTextContents does not wait: the turn may be in the page before its summary is drawn.
    await firstVote.getByTestId('vote-summary').locator('li').first().waitFor();
    const votes = await firstVote.getByTestId('vote-summary').locator('li').allTextContents();
    expect(votes).toHaveLength(2);
    for (const [j, v] of votes.entries())
      expect(v).toMatch(new RegExp(`^Proposal ${j + 1}: (✓ accept|✗ reject)$`));

    // Search in the game: "k of n", Enter / Shift+Enter, n/N.
    const inGame = count(
      served.dbPath,
      "SELECT count(*) AS n FROM turns WHERE game_id = ? AND lower(text) LIKE '%offer%'",
      gameId,
    );
    expect(inGame).toBeGreaterThan(2);
    await page.keyboard.press('/');
    await page.keyboard.type('offer');
    expect(await text(page, 'match-count')).toBe(`– of ${inGame}`);
    await page.keyboard.press('Enter');
    expect(await text(page, 'match-count')).toBe(`1 of ${inGame}`);
    await page.keyboard.press('Enter');
    expect(await text(page, 'match-count')).toBe(`2 of ${inGame}`);
    await page.keyboard.press('Shift+Enter');
    expect(await text(page, 'match-count')).toBe(`1 of ${inGame}`);
    await page.keyboard.press('Shift+Enter');
    expect(await text(page, 'match-count')).toBe(`${inGame} of ${inGame}`);
    await page.locator('[data-testid="turn"][data-current="true"]').waitFor();
    await page.getByTestId('match-next').click();
    expect(await text(page, 'match-count')).toBe(`1 of ${inGame}`);
    await screenshot(page, 'transcripts-03-search-in-game');
    await page.getByTestId('transcript-search').fill('');

    // 1024 px: the vote table's header never sits over its second proposal.
    await page.setViewportSize({ width: 1024, height: 700 });
    // Votes only: each round's header, vote turns and table.
    await page.getByTestId('phase-vote').click();
    await page.getByTestId('timeline').evaluate((el) => el.scrollTo(0, 0));
    const table = page.getByTestId('vote-table').first();
    await table.waitFor();
    const second = table.locator('tbody tr').nth(1);
    const box = await table.boundingBox();
    const tl = await page.getByTestId('timeline').boundingBox();
    // Scroll so the table's top is just above the timeline's top, as a reader scrolling down.
    await page
      .getByTestId('timeline')
      .evaluate((el, dy) => el.scrollBy(0, dy), box!.y - tl!.y + 30);
    const secondBox = await second.boundingBox();
    const covering = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('tr')?.rowIndex ?? -1,
      [secondBox!.x + secondBox!.width / 2, secondBox!.y + secondBox!.height / 2] as const,
    );
    expect(covering).toBe(2);
    await screenshot(page, 'transcripts-04-reader-1024');
    await page.getByTestId('phase-vote').click();

    // The way back from a link without ?sweep=: the game's sweep.
    const back = page.getByTestId('back-to-games');
    expect(await back.textContent()).toMatch(/^← Games of /);
    await back.click();
    await page.getByTestId('game-list-table').waitFor();
    expect(page.url()).toContain(`#/transcripts?sweep=${encodeURIComponent(sweepId)}`);
    await page.setViewportSize({ width: 1440, height: 900 });

    // Search every transcript: "opening" is in strategy agents' proposals ("my opening offer").
    await page.getByTestId('view-search').click();
    await page.getByTestId('global-search').fill('opening');
    await page.keyboard.press('Enter');
    const all = count(served.dbPath, "SELECT count(*) AS n FROM turns WHERE text LIKE '%opening%'");
    const allGames = count(
      served.dbPath,
      "SELECT count(DISTINCT game_id) AS n FROM turns WHERE text LIKE '%opening%'",
    );
    expect(all).toBeGreaterThan(100);
    await page.getByTestId('search-total').getByText(`${all} turns in ${allGames} games`).waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(50);
    await screenshot(page, 'transcripts-05-search');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'transcripts-06-search-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Filters: private proposals only (every proposal turn is private), then public ones (none).
    await page.getByTestId('search-phase').selectOption('proposal');
    const proposals = count(
      served.dbPath,
      "SELECT count(*) AS n FROM turns WHERE text LIKE '%opening%' AND phase = 'proposal'",
    );
    await page.getByTestId('search-total').getByText(`${proposals} turns in`).waitFor();
    await page.getByTestId('search-visibility').selectOption('public');
    await page.getByTestId('search-total').getByText('No turn has all these words.').waitFor();
    await page.getByTestId('search-visibility').selectOption('private');
    await page.getByTestId('search-total').getByText(`${proposals} turns in`).waitFor();

    // A hit opens its game at that turn, marked, with the game's other matches to step through.
    const hit = page.getByTestId('search-hit').first();
    const hitGame = (await hit.getAttribute('data-game'))!;
    const hitSeq = (await hit.getAttribute('data-seq'))!;
    await hit.focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="transcript"][data-game="${hitGame}"]`).waitFor();
    const target = page.locator(`[data-testid="turn"][data-seq="${hitSeq}"]`);
    await target.waitFor();
    expect(await target.getAttribute('class')).toMatch(/\btarget\b/);
    expect(await target.locator('mark').first().textContent()).toBe('opening');
    const gameHits = count(
      served.dbPath,
      "SELECT count(*) AS n FROM turns WHERE game_id = ? AND lower(text) LIKE '%opening%'",
      hitGame,
    );
    expect(await text(page, 'match-count')).toBe(`1 of ${gameHits}`);
    await screenshot(page, 'transcripts-07-hit-in-context');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a running game in Chromium', () => {
  let mock: MockLlm | null = null;
  afterEach(async () => {
    await mock?.close();
    mock = null;
  });

  it('follows the newest turn, and offers a jump back once the reader scrolls up', async () => {
    mock = await startMockLlm({ host: '127.0.0.1', latencyMs: 400 });
    // Local servers (Ollama, vLLM) take no key.
    served = await serve();
    const page = await openApp(browser, served.url);
    // One slow LLM game (20 discussion turns a round, each call 400 ms) on a local-server
    // provider (no key, so main's host-scoped keys do not apply), launched through the app's own socket.
    const doc = {
      name: 'live follow',
      game: { kind: 'item-allocation', params: { items: 5 } },
      rounds: 4,
      discussionTurns: 10,
      participants: [
        {
          id: 'mock-claude',
          kind: 'llm',
          provider: 'local',
          model: 'mock-claude-1',
          baseUrl: `${mock.url}/v1`,
          scores: { capability: 0.4 },
        },
        {
          id: 'mock-gpt',
          kind: 'llm',
          provider: 'local',
          model: 'mock-gpt-1',
          baseUrl: `${mock.url}/v1`,
          scores: { capability: 0.6 },
        },
      ],
      lineup: { mode: 'baseline', baseline: 'mock-claude', opponents: ['mock-gpt'] },
      competition: { levels: [1] },
      orders: ['weak_first'],
      runs: { count: 1, baseSeed: 3 },
      concurrency: 1,
    };
    const token = new URL(served.url).searchParams.get('token')!;
    const reply = await page.evaluate(
      async ([d, t]) => {
        const ws = new WebSocket(`ws://${location.host}/ws?token=${t}`);
        await new Promise((r) => (ws.onopen = r));
        const answer = new Promise<string>((r) => {
          ws.onmessage = (m) => {
            if (String(m.data).startsWith('{"id":1,')) r(String(m.data));
          };
        });
        ws.send(JSON.stringify({ id: 1, channel: 'sweeps:create', args: { doc: d, start: true } }));
        return answer;
      },
      [doc, token] as const,
    );
    expect(reply).toContain('"ok":true');
    const gameId = await waitFor(() => {
      const db = new Database(served!.dbPath, { readonly: true });
      try {
        const g = db.prepare('SELECT id, status, pause_reason AS reason FROM games').get() as
          { id: string; status: string; reason: string | null } | undefined;
        if (g && g.status !== 'running' && g.status !== 'queued')
          throw new Error(`the game is ${g.status}: ${g.reason ?? ''}`);
        return g?.status === 'running' ? g.id : undefined;
      } finally {
        db.close();
      }
    });
    await goto(page, `#/transcripts/${encodeURIComponent(gameId)}`);
    await page.locator(`[data-testid="transcript"][data-game="${gameId}"]`).waitFor();
    expect(await text(page, 'game-status')).toBe('running');

    // New turns arrive and the newest one is in view.
    const lastSeq = () =>
      page
        .getByTestId('turn')
        .evaluateAll((els) => Math.max(...els.map((e) => Number(e.getAttribute('data-seq')))));
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="turn"]').length > 0 &&
        Math.max(
          ...[...document.querySelectorAll('[data-testid="turn"]')].map((e) =>
            Number(e.getAttribute('data-seq')),
          ),
        ) >= 14,
      undefined,
      { timeout: 60_000 },
    );
    const inView = async (seq: number) => {
      const t = await page.getByTestId('timeline').boundingBox();
      const b = await page.locator(`[data-testid="turn"][data-seq="${seq}"]`).boundingBox();
      return b !== null && b.y < t!.y + t!.height && b.y + b.height > t!.y;
    };
    const followed = await lastSeq();
    expect(await inView(followed)).toBe(true);
    await screenshot(page, 'transcripts-08-live-following');

    // Scrolled up: the view stays, and a button counts what arrived.
    await page.getByTestId('timeline').evaluate((el) => el.scrollTo(0, 0));
    await page.getByTestId('jump-newest').waitFor({ timeout: 30_000 });
    expect(await text(page, 'jump-newest')).toMatch(/^↓ Jump to newest \(\d+ new\)$/);
    expect(await inView(0)).toBe(true);
    await screenshot(page, 'transcripts-09-live-scrolled-up');
    await page.getByTestId('jump-newest').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('jump-newest').waitFor({ state: 'detached' });
    expect(await inView(await lastSeq())).toBe(true);

    // The game ends: the status and outcome arrive without a reload.
    await page
      .getByTestId('game-status')
      .getByText(/finished|failed/)
      .waitFor({ timeout: 90_000 });
    expect(pageErrors(page)).toEqual([]);
  });
});

async function waitFor<T>(probe: () => T | undefined, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting for the probe');
    await new Promise((r) => setTimeout(r, 100));
  }
}
