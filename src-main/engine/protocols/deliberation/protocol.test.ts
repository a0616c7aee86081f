import { describe, expect, it } from 'vitest';
import {
  deliberation,
  deliberationParamsSchema,
  type DeliberationInstance,
} from '../../../../games/deliberation/definition';
import type { ProtocolParams, TurnRecord } from '../../../../src-shared/game';
import { createDeliberationRuleAgent } from '../../../agents/deliberation/rule-agent';
import { withFolderData } from '../../../game-folders/folder-params';
import type { Action, Agent, AgentContext, AgentReply } from '../../agent';
import { runGame } from '../../run-game';

const protocol: ProtocolParams = {
  rounds: 1,
  gamma: 1,
  discussionTurns: 0,
  acceptance: 'veto',
  vetoHolders: [],
  maxProposalAttempts: 1,
};

function instance(seed = 5, incentives: Record<string, string> = {}): DeliberationInstance {
  const params = deliberationParamsSchema.parse(withFolderData({ folder: 'base', incentives }));
  return deliberation.create(params, 6, seed);
}

const rule = (i: number): Agent =>
  createDeliberationRuleAgent({
    id: `rule-${i}`,
    kind: 'strategy',
    strategy: 'deliberation-rule',
    scores: {},
  });

async function play(inst: DeliberationInstance, agents: Agent[], committed: TurnRecord[] = []) {
  const fresh: TurnRecord[] = [];
  const result = await runGame({
    gameId: 'g',
    game: deliberation,
    instance: inst,
    protocol,
    agents,
    committed,
    onTurn: (t) => void fresh.push(t),
  });
  return { result, fresh };
}

describe('the deliberation protocol', () => {
  it('plays the schedule: setup, p1 opening, a private reply and public answer per turn, p1 last', async () => {
    const inst = instance();
    const schedule = inst.realised.schedule as number[];
    const { result } = await play(inst, [0, 1, 2, 3, 4, 5].map(rule));
    expect(result.status).toBe('finished');
    if (result.status !== 'finished') return;
    const answers = result.turns.filter((t) => t.phase === 'answer');
    expect(answers.map((t) => t.agent)).toEqual(schedule);
    expect(answers.map((t) => t.round)).toEqual(schedule.map((_, i) => i + 1));
    expect(answers[0].text).toBe('<DEAL>A1,B1,C4,D1,E5</DEAL>');
    expect(answers.every((t) => t.visibility === 'public')).toBe(true);
    const replies = result.turns.filter((t) => t.phase === 'scratchpad');
    expect(replies).toHaveLength(schedule.length - 1);
    expect(replies.every((t) => t.visibility === 'private' && t.status === 'ok')).toBe(true);
    expect(result.turns.filter((t) => t.phase === 'setup')).toHaveLength(6);
    // No plan in a speaker's last turn: the last six replies (one per party) carry none.
    const lastOfEach = [0, 1, 2, 3, 4, 5].map((i) => replies.filter((t) => t.agent === i).at(-1)!);
    expect(lastOfEach.map((t) => t.text.includes('<PLAN>'))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const final = answers.at(-1)!.action as { deal: number[] };
    expect(result.outcome.proposal).toEqual(final.deal);
    expect(result.outcome.proposer).toBe(3);
    expect(result.outcome.rawUtilities).toEqual(deliberation.rawUtilities(inst, final.deal));
    expect(result.outcome.measures).toMatchObject({
      feasibility: { deals: 720, passing: 55, unanimous: 12 },
    });
  });

  it('resumes from any committed prefix to the same transcript', async () => {
    const inst = instance(9);
    const agents = [0, 1, 2, 3, 4, 5].map(rule);
    const full = await play(inst, agents);
    const cut = full.fresh.slice(0, 23);
    const resumed = await play(inst, agents, cut);
    expect(resumed.fresh).toEqual(full.fresh.slice(23));
    expect(resumed.result).toEqual(full.result);
  });

  it('records a reply that never parses as a parse failure with its raw text and no answer', async () => {
    const inst = instance(5);
    const schedule = inst.realised.schedule as number[];
    const broken: Agent = {
      id: 'broken',
      act<T>(_ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>> {
        const parsed = action.parse!('I like A1.');
        expect(parsed).toEqual({
          ok: false,
          error: 'write your private reasoning between <SCRATCHPAD> and </SCRATCHPAD>',
        });
        return Promise.resolve({
          ok: false,
          error: parsed.ok ? '' : parsed.error,
          text: 'I like A1.',
        });
      },
    };
    // The Mayor (seat 0) never answers in the format.
    const { result } = await play(inst, [broken, ...[1, 2, 3, 4, 5].map(rule)]);
    if (result.status !== 'finished') throw new Error(result.status);
    const mayorTurns = schedule.filter((p, t) => p === 0 && t > 0).length;
    const failures = result.turns.filter((t) => t.agent === 0 && t.phase === 'scratchpad');
    expect(failures).toHaveLength(mayorTurns);
    expect(failures[0]).toMatchObject({
      status: 'parse_failure',
      text: 'I like A1.',
      visibility: 'private',
    });
    expect(result.turns.filter((t) => t.agent === 0 && t.phase === 'answer')).toEqual([]);
    expect(result.outcome.parseFailures).toEqual([4, 0, 0, 0, 0, 0]);
    expect(result.outcome.invalidProposals).toEqual([4, 0, 0, 0, 0, 0]);
  });

  it('sends an LLM only the system prefix and the turn prompt, with the window and previous plan', async () => {
    const inst = instance(5);
    const seen: { system: string; prompt: string; round: number }[] = [];
    const spy = (i: number): Agent => ({
      id: `spy-${i}`,
      async act<T>(ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>> {
        if (i === 2)
          seen.push({ system: action.system(), prompt: action.prompt(), round: ctx.round });
        expect(action.history).toBe('none');
        return rule(i).act(ctx, action);
      },
    });
    await play(inst, [0, 1, 2, 3, 4, 5].map(spy));
    expect(new Set(seen.map((s) => s.system)).size).toBe(1);
    expect(seen[0].system.startsWith('"SportCo" is a company')).toBe(true);
    expect(seen[0].system).toContain('You cannot accept any deal that scores less than 50.');
    expect(seen[0].prompt).not.toContain('<PREV_PLAN>');
    expect(seen[1].prompt).toContain('<PREV_PLAN> Next time, move further');
    const windowLines = seen[3].prompt.split('</HISTORY>')[0].split('\n. ').length;
    expect(windowLines).toBe(6);
  });
});
