import { describe, expect, it } from 'vitest';
import { playedGame } from '../../../../games/deliberation/definition';
import { withFolderData } from '../../../game-folders/folder-params';
import { markSpeaker, systemPrefix, turnPrompt } from './prompts';
import { parseDeliberationReply } from './reply';

const base = playedGame(
  withFolderData({ folder: 'base', incentives: {}, window: 6 }) as Parameters<typeof playedGame>[0],
);
const issues = base.issues;

describe('deliberation replies', () => {
  const reply = (plan = '<PLAN>Try E3 next.</PLAN>') =>
    `<SCRATCHPAD>A2 (8) + ... draft <DEAL>A1,B1,C4,D1,E5</DEAL></SCRATCHPAD>\n<ANSWER>I suggest <DEAL>A2, B2, C3, D1, E3</DEAL>.</ANSWER>\n${plan}`;

  it('splits scratchpad, public answer, deal and plan; a scratchpad draft deal is not read', () => {
    expect(parseDeliberationReply(issues, reply(), true)).toEqual({
      ok: true,
      value: {
        scratchpad: 'A2 (8) + ... draft <DEAL>A1,B1,C4,D1,E5</DEAL>',
        answer: 'I suggest <DEAL>A2, B2, C3, D1, E3</DEAL>.',
        deal: [1, 1, 2, 0, 2],
        plan: 'Try E3 next.',
      },
    });
  });

  it('does not ask for a plan in the last turn', () => {
    const r = parseDeliberationReply(issues, reply(''), false);
    expect(r.ok && r.value.plan).toBe('');
  });

  it('names what is missing or wrong', () => {
    expect(
      parseDeliberationReply(issues, '<ANSWER><DEAL>A1,B1,C4,D1,E5</DEAL></ANSWER>', false),
    ).toEqual({
      ok: false,
      error: 'write your private reasoning between <SCRATCHPAD> and </SCRATCHPAD>',
    });
    expect(
      parseDeliberationReply(issues, '<SCRATCHPAD>x</SCRATCHPAD> I propose A1', false),
    ).toEqual({
      ok: false,
      error: 'write your public answer between <ANSWER> and </ANSWER>',
    });
    expect(
      parseDeliberationReply(
        issues,
        '<SCRATCHPAD>x</SCRATCHPAD><ANSWER><DEAL>A1,B1,C9,D1,E5</DEAL></ANSWER>',
        false,
      ),
    ).toEqual({
      ok: false,
      error: "in your <ANSWER>: 'C9' is not an option of issue C (C1 to C4)",
    });
    expect(parseDeliberationReply(issues, reply(''), true)).toEqual({
      ok: false,
      error: 'write your notes for next time between <PLAN> and </PLAN>',
    });
  });
});

describe('deliberation prompts', () => {
  const sport = base.parties.findIndex((p) => p.name === 'SportCo');
  const union = base.parties.findIndex((p) => p.name === 'Local Labour Union');

  it('marks the speaker in the public rules as published', () => {
    expect(markSpeaker('"SportCo" asks "Mayor" and "SportCo".', 'SportCo')).toBe(
      '"SportCo" (represented by you) asks "Mayor" and "SportCo" (represented by you).',
    );
  });

  it('builds a system prefix with the rules, own filled-in instructions and the pass rule', () => {
    const s = systemPrefix(base, sport);
    expect(s.startsWith('"SportCo" (represented by you) is a company')).toBe(true);
    expect(s).toContain('Issue D (max score 35): D1 (35), D2(29), D3 (20), D4 (0)');
    expect(s).toContain('You cannot accept any deal that scores less than 55.');
    expect(s).toContain(
      '- The final proposal passes if at least 5 of the 6 parties accept it, SportCo and Department of Tourism among them. Your score is the score of that deal.',
    );
    expect(s).toContain('you get a bonus of 10 points');
    expect(s).not.toContain('#D1_NUM');
    const u = systemPrefix(base, union);
    expect(u).toContain('Finally, SportCo consolidates all suggestions');
    expect(u).toContain('The approval of "SportCo" and "Department of Tourism" is crucial');
    expect(u).not.toContain('bonus');
  });

  it('shows the window with the speaker as "You", the previous plan and the plan request', () => {
    const text = turnPrompt({
      game: base,
      me: union,
      window: [
        { party: sport, answer: '<DEAL>A1,B1,C4,D1,E5</DEAL>' },
        { party: union, answer: 'I propose <DEAL>A2,B2,C2,D1,E4</DEAL>.' },
      ],
      windowSize: 6,
      previousPlan: 'Push C1.',
      isFinalSession: false,
      isFinalDeal: false,
      wantsPlan: true,
    });
    expect(text.split('\n').slice(0, 4)).toEqual([
      'The following is a chronological history of up to 6 interactions <HISTORY> . SportCo: <DEAL>A1,B1,C4,D1,E5</DEAL>',
      '. You (Local Labour Union): I propose <DEAL>A2,B2,C2,D1,E4</DEAL>. </HISTORY>',
      'Your notes from your last turn; follow them while adjusting to what happened since: <PREV_PLAN> Push C1. </PREV_PLAN>',
      'Now it is your turn to talk.',
    ]);
    expect(text).toContain('<PLAN> and </PLAN>');
    const last = turnPrompt({
      game: base,
      me: sport,
      window: [],
      windowSize: 6,
      previousPlan: null,
      isFinalSession: true,
      isFinalDeal: true,
      wantsPlan: false,
    });
    expect(last).toContain('Now it is your turn to talk. This is the final discussion session.');
    expect(last).toContain('This is your final proposal: it is put to the vote.');
    expect(last).not.toContain('<PLAN>');
  });
});
