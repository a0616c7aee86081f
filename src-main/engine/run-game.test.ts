import { describe, expect, it } from 'vitest';
import type { TurnRecord, Vote } from '../../src-shared/game';
import { AgentPausedError, type PhaseAgent as Agent, type AgentContext } from './agent';
import { runGame, type RunGameOptions, type RunGameResult } from './run-game';
import { pickGame, pickInstance, protocol, scripted, seeded } from './test-fixtures';

const accept = (ctx: AgentContext) => ({ votes: ctx.listedProposals.map((): Vote => 'accept') });

async function play(
  agents: Agent[],
  over: Partial<RunGameOptions> = {},
  values = [
    [60, 10, 30],
    [30, 50, 20],
  ],
) {
  const committed: TurnRecord[] = [];
  const result = await runGame({
    gameId: 'g1',
    game: pickGame,
    instance: pickInstance(values),
    protocol: protocol(),
    agents,
    onTurn: (t) => {
      committed.push(t);
    },
    ...over,
  });
  return { result, committed };
}

function finished(r: RunGameResult) {
  if (r.status !== 'finished') throw new Error(`expected finished, got ${JSON.stringify(r)}`);
  return r;
}

const shape = (turns: TurnRecord[]) =>
  turns.map((t) => `${t.round}:${t.phase}:${t.pass}:${t.agent}:${t.attempt}:${t.visibility[1]}`);

describe('runGame transcript structure', () => {
  it('plays T=2, n=2, two discussion passes without a deal in the DESIGN 4 order', async () => {
    const { result, committed } = await play([scripted('a'), scripted('b')]);
    const r = finished(result);
    const round = (n: number) => [
      `${n}:discussion:0:0:0:u`,
      `${n}:discussion:0:1:0:u`,
      `${n}:discussion:1:0:0:u`,
      `${n}:discussion:1:1:0:u`,
      `${n}:thinking:0:0:0:r`,
      `${n}:thinking:0:1:0:r`,
      `${n}:proposal:0:0:0:r`,
      `${n}:proposal:0:1:0:r`,
      `${n}:listing:0:-1:0:u`,
      `${n}:vote:0:0:0:r`,
      `${n}:vote:0:1:0:r`,
      `${n}:tally:0:-1:0:u`,
      `${n}:reflection:0:0:0:r`,
      `${n}:reflection:0:1:0:r`,
    ];
    expect(shape(r.turns)).toEqual([
      '0:setup:0:0:0:r',
      '0:setup:0:1:0:r',
      ...round(1),
      ...round(2),
    ]);
    expect(committed).toEqual(r.turns);
    expect(r.outcome).toEqual({
      deal: false,
      round: null,
      proposal: null,
      proposer: null,
      rawUtilities: [0, 0],
      utilities: [0, 0],
      invalidProposals: [0, 0],
      syntheticVotes: [0, 0],
      parseFailures: [0, 0],
    });
  });

  it('writes setup briefings with rules, own preferences and protocol facts', async () => {
    const { result } = await play([scripted('a'), scripted('b')]);
    const setup = finished(result).turns[1];
    expect(setup).toMatchObject({
      round: 0,
      phase: 'setup',
      agent: 1,
      visibility: 'private',
      status: 'ok',
      action: null,
    });
    expect(setup.text).toContain('Pick one option together.');
    expect(setup.text).toContain('Your values: 30, 50, 20');
    expect(setup.text).toContain('You are Agent_2');
    expect(setup.text).toContain('at most 2 rounds');
    expect(setup.text).toContain('0.9^(r-1)');
  });

  it('lists proposals publicly and tallies every vote', async () => {
    const { result } = await play(
      [scripted('a', { propose: () => ({ proposal: 2 }) }), scripted('b')],
      { protocol: protocol({ rounds: 1 }) },
    );
    const turns = finished(result).turns;
    const listing = turns.find((t) => t.phase === 'listing');
    expect(listing).toEqual({
      round: 1,
      phase: 'listing',
      pass: 0,
      agent: -1,
      attempt: 0,
      visibility: 'public',
      status: 'ok',
      text: 'Round 1 proposals:\n1. by Agent_1: option 2\n2. by Agent_2: option 0',
      action: [
        { number: 1, proposer: 0, proposal: 2 },
        { number: 2, proposer: 1, proposal: 0 },
      ],
    });
    expect(turns.find((t) => t.phase === 'tally')?.action).toEqual({
      votes: [
        ['reject', 'reject'],
        ['reject', 'reject'],
      ],
      accepts: [0, 0],
      passing: [],
      accepted: null,
      isTieBreak: false,
    });
  });

  it('gives each agent its own private history and everyone the public one', async () => {
    const seen: { phase: string; pub: number; priv: string[] }[] = [];
    const spy = scripted('b', {
      think: (ctx) => {
        seen.push({
          phase: ctx.phase,
          pub: ctx.publicHistory.length,
          priv: ctx.privateHistory.map((t) => `${t.phase}:${t.agent}`),
        });
        return { plan: 'p' };
      },
    });
    await play([scripted('a'), spy]);
    expect(seen).toEqual([
      { phase: 'thinking', pub: 4, priv: ['setup:1'] },
      {
        phase: 'thinking',
        pub: 4 + 2 + 4,
        priv: ['setup:1', 'thinking:1', 'proposal:1', 'vote:1', 'reflection:1'],
      },
    ]);
  });
});

describe('runGame outcome', () => {
  it('discounts a round-3 deal by gamma^2', async () => {
    const late = (ctx: AgentContext) => ({
      votes: ctx.listedProposals.map((): Vote => (ctx.round === 3 ? 'accept' : 'reject')),
    });
    const { result } = await play([scripted('a', { vote: late }), scripted('b', { vote: late })], {
      protocol: protocol({ rounds: 5 }),
    });
    const r = finished(result);
    expect(r.outcome).toEqual({
      deal: true,
      round: 3,
      proposal: 0,
      proposer: r.outcome.proposer,
      rawUtilities: [60, 30],
      utilities: [60 * 0.9 ** 2, 30 * 0.9 ** 2],
      invalidProposals: [0, 0],
      syntheticVotes: [0, 0],
      parseFailures: [0, 0],
    });
    expect(r.outcome.utilities[0]).toBeCloseTo(48.6, 12);
    // setup 2 + two no-deal rounds of 14 + a deal round without reflection (12).
    expect(r.turns).toHaveLength(2 + 28 + 12);
    expect(r.turns.at(-1)?.text).toMatch(
      /^Proposal 1: 2\/2 accept .*\nProposal 2: 2\/2 accept .*\nDeal: proposal [12] is accepted \(tie broken by lot\)\.$/,
    );
  });

  it('re-asks invalid proposals with the validation error, recording every attempt', async () => {
    const feedback: (string | undefined)[] = [];
    const a = scripted('a', {
      propose: (ctx) => {
        feedback.push(ctx.feedback);
        return { proposal: ctx.attempt === 0 ? 99 : 1 };
      },
    });
    const b = scripted('b', {
      propose: (ctx) =>
        ctx.attempt === 1 ? { ok: false, error: 'no JSON', text: 'blah' } : { proposal: 'x' },
    });
    const { result } = await play([a, b], {
      protocol: protocol({ rounds: 1, discussionTurns: 0 }),
    });
    const r = finished(result);
    const err = 'proposal must be an integer option 0..2';
    expect(feedback).toEqual([undefined, err]);
    const proposals = r.turns.filter((t) => t.phase === 'proposal');
    expect(proposals.map((t) => [t.agent, t.attempt, t.status, t.action, t.error ?? null])).toEqual(
      [
        [0, 0, 'invalid', 99, err],
        [0, 1, 'ok', 1, null],
        [1, 0, 'invalid', 'x', err],
        [1, 1, 'parse_failure', null, 'no JSON'],
        [1, 2, 'invalid', 'x', err],
      ],
    );
    expect(r.turns.find((t) => t.phase === 'listing')?.action).toEqual([
      { number: 1, proposer: 0, proposal: 1 },
    ]);
    expect(r.outcome.invalidProposals).toEqual([1, 2]);
    expect(r.outcome.parseFailures).toEqual([0, 1]);
  });

  it('skips voting when no proposal is valid', async () => {
    const bad = () => ({ proposal: -5 });
    const { result } = await play(
      [scripted('a', { propose: bad }), scripted('b', { propose: bad })],
      {
        protocol: protocol({ rounds: 1, discussionTurns: 0, maxProposalAttempts: 1 }),
      },
    );
    const r = finished(result);
    expect(shape(r.turns).slice(2)).toEqual([
      '1:thinking:0:0:0:r',
      '1:thinking:0:1:0:r',
      '1:proposal:0:0:0:r',
      '1:proposal:0:1:0:r',
      '1:listing:0:-1:0:u',
      '1:reflection:0:0:0:r',
      '1:reflection:0:1:0:r',
    ]);
    expect(r.turns[6].text).toBe(
      'Round 1: no valid proposals were made; there is no vote this round.',
    );
  });

  it('fills missing votes as synthetic rejects', async () => {
    const a = scripted('a', { vote: () => ({ votes: ['accept'] as Vote[] }) });
    const b = scripted('b', { vote: () => ({ ok: false, error: 'bad vote JSON', text: '{oops' }) });
    const { result } = await play([a, b], { protocol: protocol({ rounds: 1 }) });
    const r = finished(result);
    const votes = r.turns.filter((t) => t.phase === 'vote');
    expect(votes.map((t) => [t.status, t.action, t.error])).toEqual([
      [
        'synthetic',
        { votes: ['accept', 'reject'], synthetic: [1] },
        'missing or invalid vote for proposal 2; counted as reject',
      ],
      ['parse_failure', { votes: ['reject', 'reject'], synthetic: [0, 1] }, 'bad vote JSON'],
    ]);
    expect(votes[1].text).toBe('{oops');
    expect(r.outcome.syntheticVotes).toEqual([1, 2]);
    expect(r.outcome.parseFailures).toEqual([0, 1]);
  });

  it('applies each acceptance rule with three agents', async () => {
    const values = [
      [10, 20, 30],
      [30, 20, 10],
      [20, 30, 10],
    ];
    const yesNo = (pattern: Vote) =>
      scripted(pattern, {
        propose: () => ({ proposal: 1 }),
        vote: (c) => ({ votes: c.listedProposals.map(() => pattern) }),
      });
    const line = () => [yesNo('accept'), yesNo('accept'), yesNo('reject')];
    const run = async (over: Partial<ReturnType<typeof protocol>>) =>
      finished(
        (
          await play(
            line(),
            {
              instance: pickInstance(values),
              protocol: protocol({ rounds: 1, discussionTurns: 0, ...over }),
            },
            values,
          )
        ).result,
      ).outcome;
    expect((await run({ acceptance: 'unanimous' })).deal).toBe(false);
    expect(await run({ acceptance: 'supermajority' })).toMatchObject({
      deal: true,
      round: 1,
      proposal: 1,
      rawUtilities: [20, 20, 30],
    });
    expect((await run({ acceptance: 'veto', vetoHolders: [0] })).deal).toBe(true);
    expect((await run({ acceptance: 'veto', vetoHolders: [0, 2] })).deal).toBe(false);
  });
});

describe('runGame determinism and resume', () => {
  const agents = () => [seeded('x', 3), seeded('y', 3), seeded('z', 3)];
  const values = [
    [10, 20, 30],
    [30, 20, 10],
    [20, 30, 10],
  ];
  const opts = {
    protocol: protocol({ rounds: 6, acceptance: 'supermajority' as const }),
    instance: pickInstance(values, 11),
  };

  it('replays the same transcript from the same seed', async () => {
    const first = finished((await play(agents(), opts, values)).result);
    const second = finished((await play(agents(), opts, values)).result);
    expect(second).toEqual(first);
    expect(first.turns.some((t) => t.status === 'invalid')).toBe(true);
  });

  it('resumes from any committed prefix to the uninterrupted transcript', async () => {
    const full = finished((await play(agents(), opts, values)).result);
    const n = full.turns.length;
    expect(n).toBeGreaterThan(40);
    for (const k of [0, 1, 3, 7, 12, 19, 20, Math.floor(n / 2), n - 2, n - 1, n]) {
      const prefix = full.turns.slice(0, k);
      const { result, committed } = await play(agents(), { ...opts, committed: prefix }, values);
      expect([...prefix, ...committed]).toEqual(full.turns);
      expect(result).toEqual(full);
    }
  });

  it('pauses on AgentPausedError without recording the turn, then resumes', async () => {
    const full = finished((await play(agents(), opts, values)).result);
    const flaky = seeded('y', 3);
    const paused: Agent = {
      ...flaky,
      propose: async (ctx) => {
        if (ctx.round === 2) throw new AgentPausedError('provider offline', 'offline');
        return flaky.propose(ctx);
      },
    };
    const first = await play([seeded('x', 3), paused, seeded('z', 3)], opts, values);
    expect(first.result).toMatchObject({
      status: 'paused',
      reason: 'offline',
      message: 'provider offline',
    });
    const stop = full.turns.findIndex(
      (t) => t.round === 2 && t.phase === 'proposal' && t.agent === 1,
    );
    // Agent_1's round-2 proposals (seats before the paused one) are kept; nothing of Agent_2's.
    expect(first.committed).toEqual(full.turns.slice(0, stop));
    const second = await play(agents(), { ...opts, committed: first.committed }, values);
    expect([...first.committed, ...second.committed]).toEqual(full.turns);
  });

  it('fails on other agent errors and pauses when the signal aborts', async () => {
    const broken: Agent = { ...scripted('b'), think: () => Promise.reject(new Error('boom')) };
    const failed = await play([scripted('a'), broken]);
    expect(failed.result).toMatchObject({ status: 'failed', error: 'boom' });
    // Seat 0's thought precedes the failing seat, so it is committed; nothing after it is.
    expect(failed.committed.map((t) => `${t.phase}:${t.agent}`)).toEqual([
      'setup:0',
      'setup:1',
      'discussion:0',
      'discussion:1',
      'discussion:0',
      'discussion:1',
      'thinking:0',
    ]);

    const controller = new AbortController();
    const quitter = scripted('a', {
      vote: (ctx) => {
        controller.abort();
        return accept(ctx);
      },
    });
    const cancelled = await play([quitter, scripted('b')], { signal: controller.signal });
    expect(cancelled.result).toMatchObject({ status: 'paused', reason: 'cancelled' });
    expect(cancelled.committed.at(-1)?.phase).toBe('listing');
  });
});

describe('runGame concurrency', () => {
  it('runs simultaneous phases concurrently from one snapshot, committing in seat order', async () => {
    let active = 0;
    let maxActive = 0;
    const snapshots: string[] = [];
    const slow = (id: string, ms: number) =>
      scripted(id, {
        think: async (ctx) => {
          active++;
          maxActive = Math.max(maxActive, active);
          snapshots.push(`${id}:${ctx.publicHistory.length}`);
          await new Promise((resolve) => setTimeout(resolve, ms));
          active--;
          return { plan: id };
        },
      });
    const { result } = await play(
      [slow('a', 30), slow('b', 5), slow('c', 15)],
      {
        instance: pickInstance([
          [1, 2, 3],
          [1, 2, 3],
          [1, 2, 3],
        ]),
        protocol: protocol({ rounds: 1 }),
      },
      [
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
      ],
    );
    expect(maxActive).toBe(3);
    expect(snapshots).toEqual(['a:6', 'b:6', 'c:6']);
    expect(
      finished(result)
        .turns.filter((t) => t.phase === 'thinking')
        .map((t) => t.text),
    ).toEqual(['a', 'b', 'c']);
  });
});
