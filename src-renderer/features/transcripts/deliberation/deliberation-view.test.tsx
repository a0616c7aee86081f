// The deliberation view rendered to markup (react-dom/server): turns regrouped with their deals,
// private scratchpads and plans marked private (and hidden on request), every party's score of
// a deal against its minimum with the pass verdict, the parties panel and the schedule strip.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeliberationView, Transcript, TurnView } from '../../../../src-shared/contract';
import { DealScores } from './DealScores';
import { DeliberationTurnCard } from './DeliberationTurnCard';
import { deliberationTurns, partyInitials } from './deliberation-turns';
import { PartiesPanel } from './PartiesPanel';
import { TurnSchedule } from './TurnSchedule';

/** Three parties, two issues of two options; the pass rule needs p1 and p2 and 2 of 3. */
const view: DeliberationView = {
  gameId: 'g1',
  issues: [
    { letter: 'A', options: 2 },
    { letter: 'B', options: 2 },
  ],
  parties: [
    {
      seat: 0,
      name: 'SportCo',
      role: 'p1',
      incentive: 'greedy',
      minimum: 50,
      scores: [
        [40, 10],
        [30, 20],
      ],
    },
    {
      seat: 1,
      name: 'Department of Tourism',
      role: 'p2',
      incentive: 'cooperative',
      minimum: 40,
      scores: [
        [20, 30],
        [25, 5],
      ],
    },
    {
      seat: 2,
      name: 'Environmental League',
      role: 'player',
      incentive: 'untargeted_adv',
      minimum: 60,
      scores: [
        [5, 50],
        [10, 40],
      ],
    },
  ],
  schedule: [0, 2, 1, 0],
  deals: [
    // Opening A1,B1: 70, 45, 15: p1 and p2 agree, 2 of 3, passes.
    {
      seq: 3,
      turn: 1,
      seat: 0,
      deal: 'A1,B1',
      scores: [70, 45, 15],
      agrees: [true, true, false],
      passes: true,
    },
    // A2,B2: 30, 35, 90: only the League agrees.
    {
      seq: 6,
      turn: 2,
      seat: 2,
      deal: 'A2,B2',
      scores: [30, 35, 90],
      agrees: [false, false, true],
      passes: false,
    },
  ],
  feasibility: { deals: 4, passing: 1, unanimous: 0 },
  finalScores: null,
};

const turn = (extra: Partial<TurnView>): TurnView => ({
  seq: 0,
  round: 0,
  phase: 'setup',
  pass: 0,
  agent: 0,
  attempt: 0,
  visibility: 'private',
  text: '',
  action: null,
  status: 'ok',
  ...extra,
});

const turns: TurnView[] = [
  turn({ seq: 0, agent: 0, text: 'You are SportCo (represented by you).' }),
  turn({
    seq: 3,
    round: 1,
    phase: 'answer',
    visibility: 'public',
    text: '<DEAL>A1,B1</DEAL>',
    action: { deal: [0, 0], isOpening: true },
  }),
  turn({
    seq: 4,
    round: 2,
    phase: 'scratchpad',
    agent: 2,
    text: 'no tags',
    status: 'parse_failure',
    error: 'no <ANSWER> tag',
  }),
  turn({
    seq: 5,
    round: 2,
    phase: 'scratchpad',
    agent: 2,
    attempt: 1,
    text: '<SCRATCHPAD>B2 is worth 40 to me</SCRATCHPAD>…',
    action: {
      deal: [1, 1],
      scratchpad: 'B2 is worth 40 to me',
      answer: 'Let us take <DEAL>A2,B2</DEAL> now.',
      plan: 'Hold out.',
    },
  }),
  turn({
    seq: 6,
    round: 2,
    phase: 'answer',
    agent: 2,
    visibility: 'public',
    text: 'Let us take <DEAL>A2,B2</DEAL> now.',
    action: { deal: [1, 1], isOpening: false },
  }),
];

describe('deliberationTurns', () => {
  it("groups each turn's replies and answer and matches the answer's scored deal", () => {
    const grouped = deliberationTurns(turns, view.deals);
    expect(
      grouped.map((t) => ({
        turn: t.turn,
        seat: t.seat,
        replies: t.replies.map((r) => [r.turn.seq, r.scratchpad, r.plan]),
        answer: t.answer?.seq ?? null,
        deal: t.deal?.deal ?? null,
      })),
    ).toEqual([
      { turn: 1, seat: 0, replies: [], answer: 3, deal: 'A1,B1' },
      {
        turn: 2,
        seat: 2,
        replies: [
          [4, null, null],
          [5, 'B2 is worth 40 to me', 'Hold out.'],
        ],
        answer: 6,
        deal: 'A2,B2',
      },
    ]);
  });

  it('marks parties in the schedule by their initials', () => {
    expect(
      ['SportCo', 'Department of Tourism', 'Environmental League', 'Mayor', 'Other cities'].map(
        partyInitials,
      ),
    ).toEqual(['SC', 'DoT', 'EL', 'May', 'Oc']);
  });
});

describe('deliberation components', () => {
  const [opening, second] = deliberationTurns(turns, view.deals);
  const labels = ['Strong', 'Weak', 'Weak'];

  it('shows the scratchpad and plan marked private, the raw reply of a failed attempt, and the public answer', () => {
    const html = renderToStaticMarkup(
      <DeliberationTurnCard entry={second} view={view} seatLabels={labels} showPrivate />,
    );
    expect(html).toContain(
      '<span class="delib-turn-no">Turn 2</span><span class="speaker">Environmental League</span>',
    );
    expect(html).toContain(
      '<div class="delib-note private" data-testid="note-scratchpad"><span class="private-tag" title="Only this party saw this">private</span> <span class="delib-note-label">scratchpad</span><div class="text">B2 is worth 40 to me</div></div>',
    );
    expect(html).toContain(
      '<span class="delib-note-label">plan</span><div class="text">Hold out.</div>',
    );
    expect(html).toContain(
      '<span class="delib-note-label">raw reply</span><div class="text">no tags</div>',
    );
    expect(html).toContain('parse failure · attempt 1');
    expect(html).toContain(
      '<div class="text">Let us take <code class="delib-inline-deal">A2,B2</code> now.</div>',
    );
    expect(html.match(/private-tag/g)).toHaveLength(3);

    const hidden = renderToStaticMarkup(
      <DeliberationTurnCard entry={second} view={view} seatLabels={labels} showPrivate={false} />,
    );
    expect(hidden).not.toContain('private-tag');
    expect(hidden).not.toContain('B2 is worth 40');
    expect(hidden).toContain('Let us take');
  });

  it('scores a deal for every party against its minimum, with the pass verdict', () => {
    const passing = renderToStaticMarkup(<DealScores deal={opening.deal!} view={view} />);
    expect(passing).toContain('data-passes="true"');
    expect(passing).toContain(
      '<span class="pill pill-passes" data-testid="deal-verdict">passes</span>',
    );
    expect(passing).toContain('2 of 3 reach their minimum');
    const cells = [
      ...passing.matchAll(/<td class="num (agree|disagree)"[^>]*aria-label="([^"]*)">/g),
    ].map((m) => [m[1], m[2]]);
    expect(cells).toEqual([
      ['agree', 'SportCo: 70 of minimum 50, agrees'],
      ['agree', 'Department of Tourism: 45 of minimum 40, agrees'],
      ['disagree', 'Environmental League: 15 of minimum 60, below its minimum'],
    ]);
    const failing = renderToStaticMarkup(<DealScores deal={second.deal!} view={view} />);
    expect(failing).toContain('>does not pass</span>');
    expect(failing).toContain('1 of 3 reach their minimum');
    expect(
      renderToStaticMarkup(
        <DeliberationTurnCard entry={opening} view={view} seatLabels={labels} showPrivate />,
      ),
    ).toContain('<span class="pill pill-focal">opening deal</span>');
  });

  it('lists the parties with role, incentive, minimum and private scores; focal only at the focal seat', () => {
    const participant = (id: string) => ({
      id,
      label: id,
      kind: 'strategy' as const,
      detail: 'deliberation-rule',
      capability: null,
    });
    const t = {
      game: {
        participants: [participant('strong'), participant('weak'), participant('weak')],
        focalId: 'weak',
      },
      turns,
    } as unknown as Transcript;
    const html = renderToStaticMarkup(
      <PartiesPanel view={{ ...view, finalScores: [0, 0, 150] }} transcript={t} />,
    );
    expect(html.match(/pill-focal/g)).toHaveLength(1);
    expect(html).toContain(
      '<section class="agent-card" aria-label="Department of Tourism" data-testid="party-1"><h3>Department of Tourism<span class="pill pill-focal">focal</span></h3>',
    );
    expect(html).toContain(
      '<span class="pill pill-incentive-untargeted_adv">untargeted adv</span>',
    );
    expect(html).toContain(
      'minimum <strong class="num">60</strong> · final score <strong class="num">150</strong>',
    );
    expect(html).toContain(
      '<tr><th scope="row">A</th><td class="num" title="A1">5</td><td class="num" title="A2">50</td></tr>',
    );
    // Only seat 0 has a setup prompt in these turns.
    expect(html.match(/instructions sent/g)).toHaveLength(1);
  });

  it('draws the schedule with each played deal passing or not and the rest pending', () => {
    const html = renderToStaticMarkup(<TurnSchedule view={view} onJump={() => {}} />);
    expect([...html.matchAll(/class="delib-slot delib-slot-(\w+)"/g)].map((m) => m[1])).toEqual([
      'passes',
      'fails',
      'pending',
      'pending',
    ]);
    expect(html).toContain('aria-label="Turn 2: Environmental League, A2,B2, does not pass"');
    expect(html).toContain('<span class="delib-slot-party">DoT</span>');
  });
});
