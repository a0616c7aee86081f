import { describe, expect, it } from 'vitest';
import { defaultResponder, type MockRequestInfo } from './responder';

const request = (lastUserText: string, system = ''): MockRequestInfo => ({
  format: 'openai',
  model: 'm',
  system,
  messages: [{ role: 'user', text: lastUserText }],
  lastUserText,
});

describe('the mock LLM in deliberation turns', () => {
  const ask =
    'Enclose the scratchpad between <SCRATCHPAD> and </SCRATCHPAD>; it is secret.\nEnclose the deal between <DEAL> and </DEAL>.';

  it('supports the latest deal of the history window and writes a plan when asked', () => {
    const prompt = `<HISTORY> . SportCo: <DEAL>A1,B1,C4,D1,E5</DEAL>\n. Mayor: I suggest <DEAL>A2, B2, C1, D1, E3</DEAL>. </HISTORY>\n${ask}\nwrite notes between <PLAN> and </PLAN>.`;
    expect(defaultResponder(request(prompt))).toBe(
      '<SCRATCHPAD>The latest proposal looks workable; I will support it.</SCRATCHPAD>\n<ANSWER>I support <DEAL>A2, B2, C1, D1, E3</DEAL>.</ANSWER>\n<PLAN>Keep supporting it.</PLAN>',
    );
  });

  it("falls back to the rules' example deal and omits the plan when none is asked", () => {
    const system = '- A full deal has one option for every issue (A, B), e.g. A1,B3.';
    expect(defaultResponder(request(`<HISTORY>  </HISTORY>\n${ask}`, system))).toBe(
      '<SCRATCHPAD>The latest proposal looks workable; I will support it.</SCRATCHPAD>\n<ANSWER>I support <DEAL>A1,B3</DEAL>.</ANSWER>',
    );
  });
});
