import { describe, expect, it } from 'vitest';
import { extractJsonObject, parseReply } from './parse';

describe('extractJsonObject', () => {
  it('reads bare JSON, fenced JSON and the first balanced object inside prose', () => {
    expect(extractJsonObject('{"message": "hi"}')).toEqual({ message: 'hi' });
    expect(extractJsonObject('Here:\n```json\n{"plan": "x"}\n```\nDone.')).toEqual({ plan: 'x' });
    expect(
      extractJsonObject('I think {"message": "a } brace {in} a string"} is fine {"other": 1}'),
    ).toEqual({
      message: 'a } brace {in} a string',
    });
    expect(extractJsonObject('{broken {"votes": ["accept"]}')).toEqual({ votes: ['accept'] });
    expect(extractJsonObject('no json here')).toBeUndefined();
  });
});

describe('parseReply', () => {
  it('gives the model a specific error', () => {
    expect(parseReply('vote', '{"votes": ["accept"]}', 2)).toEqual({
      ok: false,
      error: 'votes: votes must have exactly 2 entries, one per listed proposal',
    });
    expect(parseReply('vote', '{"votes": ["Accept", "maybe"]}', 2)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^votes\.1: /),
    });
    expect(parseReply('discussion', '{"msg": "x"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^message: /),
    });
    expect(parseReply('thinking', 'nothing')).toEqual({
      ok: false,
      error: 'the reply contains no JSON object',
    });
  });

  it('normalises votes and tolerates a top-level proposal', () => {
    expect(parseReply('vote', '{"votes": [" Accept", "REJECT"]}', 2)).toEqual({
      ok: true,
      value: { votes: ['accept', 'reject'] },
    });
    expect(parseReply('proposal', '{"allocation": [0, 1], "message": "m"}')).toEqual({
      ok: true,
      value: { proposal: { allocation: [0, 1] }, message: 'm' },
    });
    expect(parseReply('proposal', '{"proposal": null}')).toMatchObject({
      ok: false,
      error: 'proposal: proposal is required',
    });
  });
});
