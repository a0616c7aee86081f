// A turn's body rendered to markup: setup prompts folded, votes read per proposal, a joint
// proposal named as such, and multi-word marks.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TurnView } from '../../../src-shared/contract';
import { RoundTableView } from './RoundTableView';
import { snippet } from './SearchHits';
import { TurnRow } from './TurnRow';
import { highlight } from './TurnText';

const turn = (extra: Partial<TurnView>): TurnView => ({
  seq: 3,
  round: 1,
  phase: 'vote',
  pass: 0,
  agent: 1,
  attempt: 0,
  visibility: 'private',
  text: '{"votes": ["reject", "accept"]}',
  action: { votes: ['reject', 'accept'], synthetic: [1] },
  status: 'ok',
  ...extra,
});

describe('turn bodies', () => {
  it('reads a vote as accept/reject per proposal and folds a JSON reply away', () => {
    const html = renderToStaticMarkup(<TurnRow turn={turn({})} seatLabels={['A', 'B']} query="" />);
    expect(html).toContain(
      '<ul class="vote-summary" data-testid="vote-summary">' +
        '<li class="vote-reject">Proposal 1: <strong>✗ reject</strong></li>' +
        '<li class="vote-accept">Proposal 2: <strong>✓ accept</strong>' +
        '<span class="muted"> (missing, counted as reject)</span></li></ul>',
    );
    expect(html).toContain(
      '<details class="raw-reply"><summary>Raw reply</summary><div class="text">{&quot;votes&quot;',
    );
  });

  it('shows a prose vote reply as text under the votes', () => {
    const html = renderToStaticMarkup(
      <TurnRow turn={turn({ text: 'I accept 2.' })} seatLabels={['A', 'B']} query="" />,
    );
    expect(html).not.toContain('raw-reply');
    expect(html).toContain('</ul><div class="text">I accept 2.</div>');
  });

  it('folds a setup prompt to its first line until expanded', () => {
    const setup = turn({
      phase: 'setup',
      action: null,
      text: 'Split five items.\nYour private preferences:\nApple 10',
    });
    const folded = renderToStaticMarkup(<TurnRow turn={setup} seatLabels={['A', 'B']} query="" />);
    expect(folded).toContain(
      '<div class="text">Split five items.</div><button type="button" class="link-button" aria-expanded="false" data-testid="setup-toggle">Show the whole setup prompt (52 characters)</button>',
    );
    const open = renderToStaticMarkup(
      <TurnRow turn={setup} seatLabels={['A', 'B']} query="" expanded />,
    );
    expect(open).toContain('Apple 10</div>');
    expect(open).toContain('aria-expanded="true"');
  });

  it('names a joint proposal, never a seat or the moderator', () => {
    const html = renderToStaticMarkup(
      <RoundTableView
        table={{
          round: 1,
          proposals: [{ number: 1, proposer: -1, text: 'A 5 | B 3' }],
          votes: [['accept'], ['reject']],
          accepted: null,
        }}
      />,
    );
    expect(html).toContain('<td>joint (every agent)</td><td class="proposal-text">A 5 | B 3</td>');
    expect(html).not.toContain('Agent_0');
    expect(html).not.toContain('<td>Moderator</td>');
  });

  it('marks every word of a search, longest first, any case', () => {
    const html = renderToStaticMarkup(<p>{highlight('Apples and apple pie', 'pie APPLE')}</p>);
    expect(html).toBe('<p><mark>Apple</mark>s and <mark>apple</mark> <mark>pie</mark></p>');
  });

  it('cuts a long hit around its first match', () => {
    const text = `${'x'.repeat(500)} the deal ${'y'.repeat(500)}`;
    const s = snippet(text, ['deal']);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBe(322);
    expect(s.indexOf('deal')).toBe(81);
    expect(snippet('short deal', ['deal'])).toBe('short deal');
  });
});
