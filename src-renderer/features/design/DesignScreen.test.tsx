// The designer rendered to markup with a real store: messages at the field, the grid preview.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClientAPI, GameCatalogEntry, ValidateResult } from '../../../src-shared/contract';
import type { Platform } from '../../api/platform';
import { strategyRow } from './form-model';
import type { DesignForm } from './form-model';
import { createAppStore } from '../../state/app-store';
import { PlatformContext, StoreContext } from '../../state/hooks';
import { DesignScreen } from './DesignScreen';

const api: ClientAPI = {
  invoke: () => Promise.reject(new Error('offline')),
  on: () => () => undefined,
};
const platform: Platform = {
  api,
  mode: 'web',
  saveFile: () => Promise.resolve({ saved: true, path: null }),
  onConnection: () => () => undefined,
};

/** Co-funding as games:catalog describes it (the game's own schema: projects from 1). */
const cofunding: GameCatalogEntry = {
  kind: 'cofunding',
  title: 'Co-funding',
  params: [
    {
      name: 'projects',
      label: 'Projects (m)',
      type: 'integer',
      min: 1,
      max: 20,
      default: 5,
      help: 'Number of public projects to fund.',
      setByCompetition: false,
      options: null,
    },
    {
      name: 'costMin',
      label: 'Minimum cost',
      type: 'integer',
      min: 1,
      max: null,
      default: 10,
      help: null,
      setByCompetition: false,
      options: null,
    },
    {
      name: 'alpha',
      label: 'Value similarity α',
      type: 'number',
      min: 0,
      max: 1,
      default: 0.5,
      help: null,
      setByCompetition: true,
      options: null,
    },
    {
      name: 'projectNames',
      label: 'Project names',
      type: 'list',
      min: null,
      max: null,
      default: null,
      help: null,
      setByCompetition: false,
      options: null,
    },
  ],
  protocols: [],
  competitionAxes: ['alpha'],
  metrics: ['utility_focal'],
};

function render(
  patch: Partial<DesignForm>,
  extra: { catalog?: GameCatalogEntry[]; validated?: ValidateResult } = {},
): string {
  const store = createAppStore({ api, writeHash: () => undefined });
  store.getState().updateForm(patch);
  if (extra.catalog) store.setState({ catalog: { state: 'ready', value: extra.catalog } });
  if (extra.validated) store.setState({ validation: { state: 'done', result: extra.validated } });
  // Server rendering reads the store's initial state: make the patched state the initial one.
  const state = store.getState();
  store.getInitialState = () => state;
  return renderToStaticMarkup(
    <PlatformContext.Provider value={platform}>
      <StoreContext.Provider value={store}>
        <DesignScreen />
      </StoreContext.Provider>
    </PlatformContext.Provider>,
  );
}

describe('sweep designer', () => {
  it('previews the grid of the default form', () => {
    const html = render({});
    expect(html).toContain(
      '<p class="grid-formula" data-testid="grid-preview" data-state="valid"><span class="num">2</span> capabilities × <span class="num">3</span> levels × <span class="num">3</span> runs = <strong class="num">18</strong> games</p>',
    );
    expect(html).toContain('The estimate follows once the sweep checks out.');
    expect(html).toContain('data-testid="design-summary" data-state="checking"');
    expect(html).not.toContain('read-only');
  });

  it('shows schema problems at their fields and keeps launch disabled', () => {
    const html = render({ rounds: 0, levels: [], participants: [strategyRow(0.5, 'baseline')] });
    expect(html).toMatch(
      /aria-invalid="true" aria-describedby="(_R_\w+_)-issues" data-testid="field-rounds" value="0"\/><ul class="field-issues" id="\1-issues" role="alert"><li> must be at least 1<\/li><\/ul>/,
    );
    expect(html).toContain('list at least one competition level');
    expect(html).toContain(
      '<ul class="field-issues" id="participants-issues" role="alert"><li> put at least one participant on the axis</li></ul>',
    );
    // The preview names the first thing to fix instead of counting games of an invalid form.
    expect(html).toContain(
      '<p class="grid-formula grid-invalid" data-testid="grid-preview" data-state="invalid">No game count until the form is fixed. First: Rounds: must be at least 1 (and 2 more problems).</p>',
    );
    expect(html).toContain('data-testid="design-summary" data-state="invalid"');
    expect(html).toContain(
      '<div class="check check-invalid" role="status" data-testid="validation">3 problems: see the marked fields.</div>',
    );
    expect(html).toContain(
      '<button type="button" class="primary launch" data-testid="launch" disabled="">',
    );
  });

  it("builds the game's fields from the catalog and shows the host's estimate", () => {
    const html = render(
      { kind: 'cofunding', params: { projects: 1, costMin: 10 } },
      {
        catalog: [cofunding],
        validated: {
          ok: true,
          sweepId: 's',
          games: 18,
          cells: 6,
          warnings: [],
          estimate: {
            llmGames: 18,
            calls: 1260,
            promptTokens: 2_500_000,
            outputTokens: 151_200,
            costNoCacheUsd: 9.75,
            costCachedUsd: 2.5,
            replyTokens: 120,
          },
        },
      },
    );
    expect(html).toContain('<option value="cofunding" selected="">Co-funding</option>');
    expect(html).toMatch(
      /<label for="_R_\w+_">Projects \(m\)<\/label><input id="_R_\w+_" type="number" inputMode="decimal" step="1" min="1" max="20" placeholder="5" data-testid="param-projects" value="1"\/><span class="hint">Number of public projects to fund.<\/span>/,
    );
    expect(html).toContain('data-testid="param-costMin" value="10"');
    // Set by the competition axis, and a list: not asked for.
    expect(html).not.toContain('param-alpha');
    expect(html).not.toContain('param-projectNames');
    expect(html).toContain(
      '≤ 1260 calls in 18 games · ≤ 2.65M tokens · cost ≤ $2.50 with the prompt cache, ≤ $9.75 without',
    );
    expect(html).toContain('replies of 120 tokens');
  });

  it('asks for choices, text, yes/no and optional numbers, with the strategies and protocol of the game', () => {
    const param = (p: Partial<GameCatalogEntry['params'][number]>) => ({
      name: 'x',
      label: 'X',
      type: 'number' as const,
      min: null,
      max: null,
      default: null,
      options: null,
      help: null,
      setByCompetition: false,
      ...p,
    });
    const game: GameCatalogEntry = {
      kind: 'price',
      title: 'Price',
      params: [
        param({
          name: 'preset',
          label: 'Preset',
          type: 'choice',
          default: 'price-domain',
          options: ['price-domain', 'buy-sell'],
        }),
        param({ name: 'turns', label: 'Turns', type: 'integer', min: 2, max: 200 }),
        param({ name: 'folder', label: 'Folder', type: 'text', default: 'base' }),
        param({ name: 'strict', label: 'Strict', type: 'boolean', default: false }),
        param({ name: 'mode', label: 'Mode', type: 'choice', options: ['a', 'b'] }),
        param({ name: 'red', label: 'Red', type: 'object', default: { X: 25 } }),
      ],
      protocols: [
        {
          id: 'alternating-offers',
          label: 'Alternating offers',
          acceptance: [],
          strategies: ['linear', 'hard'],
        },
      ],
      competitionAxes: ['competition'],
      metrics: ['deal'],
    };
    const html = render(
      { kind: 'price', params: { preset: 'buy-sell', folder: 'games/x', strict: true } },
      { catalog: [game] },
    );
    expect(html).toMatch(
      /<select id="_R_\w+_" data-testid="param-preset"><option value="price-domain">price-domain<\/option><option value="buy-sell" selected="">buy-sell<\/option><\/select>/,
    );
    // Optional without a default: empty, and saying so.
    expect(html).toMatch(
      /<input id="_R_\w+_" type="number" inputMode="decimal" step="1" min="2" max="200" placeholder="default" data-testid="param-turns" value=""\/><\/div>/,
    );
    expect(html).toMatch(
      /<input id="_R_\w+_" data-testid="param-folder" type="text" spellCheck="false" placeholder="base" value="games\/x"\/>/,
    );
    expect(html).toMatch(
      /<input id="_R_\w+_" data-testid="param-strict" type="checkbox" checked=""\/>/,
    );
    expect(html).toMatch(
      /<select id="_R_\w+_" data-testid="param-mode" title="Leave empty for the game’s default"><option value="" selected="">\(default\)<\/option><option value="a">a<\/option><option value="b">b<\/option><\/select>/,
    );
    expect(html).not.toContain('param-red');
    expect(html).toMatch(
      /<output id="_R_\w+_" class="static-value" data-testid="field-protocol">Alternating offers<\/output>/,
    );
    // Rounds, discount, acceptance and discussion belong to propose-and-vote.
    expect(html).not.toContain('field-rounds');
    expect(html).not.toContain('Acceptance rule');
    // The default rows play bounded-rational, which does not play this game: offered, and named so.
    expect(html).toContain(
      '<option value="linear">linear</option><option value="hard">hard</option><option value="bounded-rational" selected="">bounded-rational (does not play this game)</option></select>',
    );
  });
});
