// Transcript pieces rendered to markup (react-dom/server): private content marked, votes tabled.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Transcript, TurnView } from '../../../src-shared/contract';
import { AgentsPanel } from './AgentsPanel';
import { RoundTableView } from './RoundTableView';
import { TurnRow } from './TurnRow';

const turn = (extra: Partial<TurnView>): TurnView => ({
  seq: 7,
  round: 2,
  phase: 'discussion',
  pass: 1,
  agent: 0,
  attempt: 0,
  visibility: 'public',
  text: 'I offer the apple',
  action: null,
  status: 'ok',
  ...extra,
});

describe('transcript components', () => {
  it('marks a private turn and highlights every search match', () => {
    const html = renderToStaticMarkup(
      <TurnRow
        turn={turn({
          phase: 'thinking',
          visibility: 'private',
          text: 'Apple first, then the apple pie',
        })}
        seatLabels={['Strong', 'Weak']}
        query="apple"
      />,
    );
    expect(html).toContain('data-visibility="private"');
    expect(html).toContain('data-phase="thinking"');
    expect(html).toContain(
      '<span class="private-tag" title="Only this agent saw this">private</span>',
    );
    expect(html).toContain(
      '<div class="text"><mark>Apple</mark> first, then the <mark>apple</mark> pie</div>',
    );
    expect(html).toContain(
      '<span class="speaker">Agent_1</span><span class="muted seat">Strong</span>',
    );
  });

  it('shows a public discussion turn without the private tag, naming its pass', () => {
    const html = renderToStaticMarkup(
      <TurnRow turn={turn({})} seatLabels={['Strong', 'Weak']} query="" />,
    );
    expect(html).not.toContain('private-tag');
    expect(html).toContain('discussion · pass 2');
  });

  it("tables a round's proposals with each agent's vote and the accepted one", () => {
    const html = renderToStaticMarkup(
      <RoundTableView
        table={{
          round: 3,
          proposals: [
            { number: 1, proposer: 0, text: 'A: apple' },
            { number: 2, proposer: 1, text: 'B: apple' },
          ],
          votes: [
            ['accept', 'reject'],
            ['accept', null],
          ],
          accepted: 1,
        }}
      />,
    );
    expect(html.match(/data-testid="vote"/g)).toHaveLength(4);
    expect(html).toContain('<tr class="accepted"><td class="num">1</td>');
    expect(html).toContain('aria-label="Agent_2: unknown">–</td>');
    expect(html).toContain('<strong>· proposal 1 accepted</strong>');
  });

  it("shows each agent's private preferences and final utility", () => {
    const participants = [
      {
        id: 'ref',
        label: 'Reference',
        kind: 'strategy' as const,
        detail: 'bounded-rational c=0.5',
        capability: 0.5,
      },
      {
        id: 'weak',
        label: 'Weak',
        kind: 'strategy' as const,
        detail: 'bounded-rational c=0.1',
        capability: 0.1,
      },
    ];
    const t = {
      game: { participants, focalId: 'weak' },
      preferences: [
        { agent: 0, text: 'Your private values: Apple 60', raw: null },
        { agent: 1, text: 'Your private values: Apple 10', raw: null },
      ],
      outcome: { deal: true, round: 2, utilities: [54, 36], rawUtilities: [60, 40] },
    } as unknown as Transcript;
    const html = renderToStaticMarkup(<AgentsPanel transcript={t} />);
    expect(html).toContain(
      '<span class="private-tag">private</span> Your private values: Apple 10',
    );
    expect(html).toContain(
      'utility <strong class="num">36.0</strong><span class="muted"> (raw 40.0)</span>',
    );
    expect(html.match(/pill-focal/g)).toHaveLength(1);
  });
});
