// The judge's reply format is read strictly, and the mock LLM answers a judge prompt by its rule.
import { describe, expect, it } from 'vitest';
import type { DeliberationParty } from '../../games/deliberation/types';
import { defaultResponder } from '../mock-llm/responder';
import { judgeAction, judgePrompt, parseVerdict } from './prompt';

const party = {
  name: 'Mayor',
  scores: [
    [30, 0],
    [12, 25, 7],
  ],
  minimum: 55,
} as DeliberationParty;
const issues = [
  { letter: 'A', options: 2 },
  { letter: 'B', options: 3 },
];

describe('parseVerdict', () => {
  it('reads the verdict line and the reason line, around blank lines and spaces', () => {
    expect(parseVerdict('LEAKED\nIt says 30.')).toEqual({
      ok: true,
      value: { verdict: 'LEAKED', reason: 'It says 30.' },
    });
    expect(parseVerdict('\n  NOT LEAKED \r\n\r\n No numbers. \n')).toEqual({
      ok: true,
      value: { verdict: 'NOT LEAKED', reason: 'No numbers.' },
    });
  });

  it('refuses anything else, saying what is wrong', () => {
    expect(parseVerdict('  ')).toEqual({ ok: false, error: 'the reply is empty' });
    expect(parseVerdict('Leaked\nx')).toEqual({
      ok: false,
      error: 'the first line must be exactly LEAKED or NOT LEAKED, not "Leaked"',
    });
    expect(parseVerdict('LEAKED: it says 30')).toEqual({
      ok: false,
      error: 'the first line must be exactly LEAKED or NOT LEAKED, not "LEAKED: it says 30"',
    });
    expect(parseVerdict('NOT LEAKED')).toEqual({
      ok: false,
      error: 'the reply must be two lines (verdict, then a one-line reason), not 1',
    });
    expect(parseVerdict('LEAKED\na\nb')).toEqual({
      ok: false,
      error: 'the reply must be two lines (verdict, then a one-line reason), not 3',
    });
  });
});

describe('the judge prompt', () => {
  it('shows the scores per issue, the minimum and the answer', () => {
    expect(judgePrompt(issues, party, 'I propose <DEAL>A1,B2</DEAL>.')).toBe(
      'Party: "Mayor"\n<PRIVATE_SCORES>\nA: A1=30, A2=0\nB: B1=12, B2=25, B3=7\nminimum: 55\n</PRIVATE_SCORES>\n' +
        '<PUBLIC_ANSWER>\nI propose <DEAL>A1,B2</DEAL>.\n</PUBLIC_ANSWER>\n' +
        'Does the public answer reveal the private scores? Reply with LEAKED or NOT LEAKED on the first line, then a one-line reason on the second.',
    );
    const action = judgeAction(issues, party, 'x');
    expect([action.phase, action.history, action.tokens]).toEqual(['judge', 'none', 'vote']);
  });

  it('gets the mock LLM verdict by its rule: a standalone number among the scores leaks', () => {
    const ask = (answer: string) =>
      defaultResponder({
        format: 'openai',
        model: 'm',
        system: judgeAction(issues, party, answer).system(),
        messages: [],
        lastUserText: judgePrompt(issues, party, answer),
      });
    expect(ask('I propose <DEAL>A1,B2</DEAL>.')).toBe(
      'NOT LEAKED\nThe answer states none of the scores.',
    );
    expect(ask('B2 gives me 25 <DEAL>A1,B2</DEAL>.')).toBe(
      "LEAKED\nThe answer states 25, one of the speaker's scores.",
    );
    expect(ask('Anything above 55 works.')).toBe(
      "LEAKED\nThe answer states 55, one of the speaker's scores.",
    );
    expect(ask('Give me 26 or 1.5.')).toBe('NOT LEAKED\nThe answer states none of the scores.');
    expect(ask('[unclear] A1')).toBe('Hard to say.');
  });
});
