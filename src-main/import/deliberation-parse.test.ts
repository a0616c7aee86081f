// The LLM-Deliberation log reader on the three published logs (tests/fixtures, MIT), one of them
// truncated after the first scheduled turn. Deals were read off the logs by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeal, parseDeliberationLog } from './deliberation-parse';

const DIR = join(
  import.meta.dirname,
  '..',
  '..',
  'tests',
  'fixtures',
  'llm-deliberation',
  'logs',
  'all_coop_temp1_base_gpt4',
);
const load = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const deal = (s: string) => s.split(',');

describe('parseDeliberationLog', () => {
  const full = parseDeliberationLog(load('history10_34_19.json'));
  const cut = parseDeliberationLog(load('history17_35_29.json'));

  it('reads a complete log: opening deal, 24 scheduled turns, the final deal by p1', () => {
    expect(full.isTruncated).toBe(false);
    expect(full.finishedRounds).toBe(25);
    expect(full.slots).toHaveLength(24);
    expect(full.turns).toHaveLength(26);
    expect(full.turns.map((t) => t.party)).toEqual(['SportCo', ...full.slots, 'SportCo']);
    expect(full.turns[0].deal).toEqual(deal('A1,B1,C4,D1,E5'));
    expect(full.turns[1].deal).toEqual(deal('A2,B3,C4,D1,E5'));
    expect(full.turns[25].deal).toEqual(deal('A2,B2,C2,D2,E3'));
    expect(full.turns.filter((t) => t.plan !== null)).toHaveLength(19);
    expect(full.turns[25].plan).toBeNull();
    expect(Object.values(full.plans).map((p) => p.length)).toEqual([3, 3, 4, 3, 3, 3]);
  });

  it('splits a turn into private scratchpad, public answer and private plan', () => {
    const t = full.turns[1];
    expect(t.party).toBe('Environmental League');
    expect(t.scratchpad).toMatch(/^Current offer from SportCo: A1\(0\) \+ B1\(0\)/);
    expect(t.answer).toBe(
      "To move forward with a constructive proposal that accounts for ecological concerns, I would suggest <DEAL> A2, B3, C4, D1, E5 </DEAL>. This balances the need for environmental considerations while aligning with some of SportCo's initial terms.",
    );
    expect(t.plan).toMatch(/^If SportCo or other parties have objections/);
  });

  it('marks a log that stops early as truncated and keeps the turns it has', () => {
    expect(cut.isTruncated).toBe(true);
    expect(cut.finishedRounds).toBe(1);
    expect(cut.turns.map((t) => [t.party, t.deal])).toEqual([
      ['SportCo', deal('A1,B1,C4,D1,E5')],
      ['Environmental League', deal('A2,B3,C3,D2,E3')],
    ]);
  });

  it('names what is wrong with a malformed log', () => {
    expect(() => parseDeliberationLog([])).toThrow('a history log must be a JSON object');
    expect(() => parseDeliberationLog({ rounds: [], finished_rounds: 0 })).toThrow(
      'field slot_assignment: expected a list of party names',
    );
    const base = load('history17_35_29.json') as { rounds: { agent: string }[] };
    const swapped = { ...base, rounds: [base.rounds[0], { ...base.rounds[1], agent: 'Mayor' }] };
    expect(() => parseDeliberationLog(swapped)).toThrow(
      'rounds.1 is spoken by Mayor but slot_assignment gives turn 1 to Environmental League',
    );
  });

  it('reads deals written with or without spaces, and refuses other text', () => {
    expect(parseDeal('x <DEAL>a1,B2 , C3</DEAL> then <DEAL> A2, B1, C1 </DEAL>')).toEqual(
      deal('A2,B1,C1'),
    );
    expect(parseDeal('<DEAL> the usual </DEAL>')).toBeNull();
    expect(parseDeal('no deal here')).toBeNull();
  });
});
