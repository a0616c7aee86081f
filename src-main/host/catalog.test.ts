import { describe, expect, it } from 'vitest';
import { GAMES } from '../../games/index';
import { METRIC_IDS } from '../../src-shared/metrics';
import { gameCatalog } from './catalog';

describe('games:catalog', () => {
  const catalog = gameCatalog();

  it("describes co-funding's parameters from its own schema (projects from 1, as the game allows)", () => {
    const cofunding = catalog.find((g) => g.kind === 'cofunding')!;
    expect(cofunding.params.map(({ help: _help, options: _options, ...p }) => p)).toEqual([
      {
        name: 'preset',
        label: 'Preset',
        type: 'choice',
        min: null,
        max: null,
        default: null,
        setByCompetition: false,
      },
      {
        name: 'projects',
        label: 'Projects (m)',
        type: 'integer',
        min: 1,
        max: 20,
        default: 5,
        setByCompetition: false,
      },
      {
        name: 'costMin',
        label: 'Minimum cost',
        type: 'integer',
        min: 1,
        max: null,
        default: 10,
        setByCompetition: false,
      },
      {
        name: 'costMax',
        label: 'Maximum cost',
        type: 'integer',
        min: 1,
        max: null,
        default: 50,
        setByCompetition: false,
      },
      {
        name: 'alpha',
        label: 'Value similarity α',
        type: 'number',
        min: 0,
        max: 1,
        default: 0.5,
        setByCompetition: true,
      },
      {
        name: 'sigma',
        label: 'Budget share σ',
        type: 'number',
        min: 0,
        max: 1,
        default: 0.5,
        setByCompetition: false,
      },
      {
        name: 'proposals',
        label: 'Proposals',
        type: 'choice',
        min: null,
        max: null,
        default: 'table',
        setByCompetition: false,
      },
      {
        name: 'projectNames',
        label: 'Project names',
        type: 'list',
        min: null,
        max: null,
        default: null,
        setByCompetition: false,
      },
    ]);
    expect(cofunding.params.map((p) => p.options)[0]).toEqual(['research']);
    expect(cofunding.params[5].help).toBe(
      'The agents’ budgets together cover about σ of the total cost.',
    );
    expect(GAMES.cofunding.paramsSchema.safeParse({ projects: 1 }).success).toBe(true);
  });

  it('names the parameters each competition level sets, and every metric of the vocabulary', () => {
    expect(catalog.map((g) => [g.kind, g.title, g.competitionAxes])).toEqual([
      ['item-allocation', GAMES['item-allocation'].title, ['competition']],
      ['treaty', GAMES.treaty.title, ['rho', 'theta']],
      ['cofunding', GAMES.cofunding.title, ['alpha']],
      ['price', GAMES.price.title, ['competition']],
      ['ultimatum', GAMES.ultimatum.title, []],
      ['resource-exchange', GAMES['resource-exchange'].title, ['competition']],
      ['deliberation', GAMES.deliberation.title, []],
    ]);
    const proposeVote = {
      id: 'propose-and-vote',
      label: 'Propose and vote',
      acceptance: ['unanimous', 'supermajority', 'veto'],
      strategies: [
        'boulware',
        'linear',
        'conceder',
        'hardliner',
        'tit-for-tat',
        'random',
        'bounded-rational',
      ],
    };
    const alternating = (strategies: string[]) => ({
      id: 'alternating-offers',
      label: 'Alternating offers',
      acceptance: [],
      strategies,
    });
    const split = [
      'fair-split',
      'greedy',
      'very-conceding',
      'conceding',
      'conceder',
      'linear',
      'boulware',
      'hard',
    ];
    const protocols = Object.fromEntries(catalog.map((g) => [g.kind, g.protocols]));
    expect(protocols).toEqual({
      'item-allocation': [proposeVote],
      treaty: [proposeVote],
      cofunding: [proposeVote],
      price: [
        alternating([
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
        ]),
      ],
      ultimatum: [alternating(split)],
      'resource-exchange': [alternating(split)],
      deliberation: [
        {
          id: 'deliberation',
          label: 'Deliberation rounds',
          acceptance: [],
          strategies: ['deliberation-rule'],
        },
      ],
    });
    // Welfare, Nash and Pareto references exist only for the propose-and-vote games; the
    // published deliberation evaluation only for deliberation.
    const bargainOnly = ['max_welfare', 'nbs_distance', 'pareto_gap', 'synthetic_votes'];
    const deliberationOnly = ['final_deal_passes', 'all_agree', 'feasible_deals'];
    const metrics = Object.fromEntries(catalog.map((g) => [g.kind, g.metrics]));
    for (const kind of ['item-allocation', 'treaty', 'cofunding']) {
      expect(metrics[kind]).toEqual(expect.arrayContaining(bargainOnly));
      expect(metrics[kind]).not.toEqual(expect.arrayContaining([deliberationOnly[0]]));
    }
    for (const kind of ['price', 'ultimatum', 'resource-exchange', 'deliberation']) {
      for (const id of bargainOnly) expect(metrics[kind]).not.toContain(id);
    }
    expect(metrics.deliberation).toEqual(expect.arrayContaining(deliberationOnly));
    expect(metrics.price).toContain('deal');
    expect(new Set(catalog.flatMap((g) => g.metrics))).toEqual(new Set(METRIC_IDS));
    const treaty = catalog.find((g) => g.kind === 'treaty')!;
    expect(treaty.params.find((p) => p.name === 'lambda')).toEqual({
      name: 'lambda',
      label: 'Issue compatibility λ',
      type: 'number',
      min: 0,
      max: 1,
      default: null,
      options: null,
      help: 'Two agents: each issue is compatible with probability (λ + 1) / 2.',
      setByCompetition: false,
    });
  });

  it('describes record parameters by their names and values, for the form to edit', () => {
    const catalog = gameCatalog();
    const exchange = catalog.find((g) => g.kind === 'resource-exchange')!;
    const holdings = {
      keyPattern: '^[A-Z]$',
      value: { type: 'integer', min: 0, max: null, options: null },
    };
    expect(
      exchange.params.filter((p) => p.record).map((p) => [p.name, p.default, p.record]),
    ).toEqual([
      ['red', { X: 25, Y: 5 }, holdings],
      ['blue', { X: 5, Y: 25 }, holdings],
      ['redValues', null, holdings],
      ['blueValues', null, holdings],
      ['redTarget', null, holdings],
      ['blueTarget', null, holdings],
    ]);
    // Each says what it is, from the game's schema.
    expect(exchange.params.map((p) => [p.name, p.label])).toEqual([
      ['goal', 'Goal'],
      ['iterations', 'Iterations'],
      ['red', 'RED starts with'],
      ['blue', 'BLUE starts with'],
      ['redValues', 'RED values a unit at'],
      ['blueValues', 'BLUE values a unit at'],
      ['redTarget', 'RED target'],
      ['blueTarget', 'BLUE target'],
      ['competition', 'Competition'],
    ]);
    expect(exchange.params.find((p) => p.name === 'redTarget')?.help).toBe(
      'Target goal: the holdings RED must reach. Default 15 of every resource.',
    );
    const deliberation = catalog.find((g) => g.kind === 'deliberation')!;
    // The folder's parsed data is structured, not a record: no editor for it.
    expect(deliberation.params.find((p) => p.name === 'data')?.record).toBeUndefined();
    expect(deliberation.params.find((p) => p.name === 'incentives')?.record).toEqual({
      keyPattern: null,
      value: {
        type: 'choice',
        min: null,
        max: null,
        options: ['cooperative', 'greedy', 'untargeted_adv', 'targeted_adv'],
      },
    });
  });
});
