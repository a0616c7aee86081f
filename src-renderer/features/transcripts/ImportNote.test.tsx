// The imported-game note rendered to markup: source, published vs Parley's outcome, flags.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../src-shared/contract';
import { ImportNote } from './ImportNote';

const base = {
  outcome: {
    deal: true,
    round: 2,
    proposal: { allocation: [1, 1, 0, 1, 0] },
    proposer: 0,
    rawUtilities: [15.46, 16.42],
    utilities: [13.914, 14.778],
    invalidProposals: [0, 0],
    syntheticVotes: [0, 0],
    parseFailures: [0, 0],
  },
} as unknown as Transcript;

describe('ImportNote', () => {
  it('renders nothing for a game Parley played', () => {
    expect(renderToStaticMarkup(<ImportNote transcript={base} />)).toBe('');
  });

  it('shows the source, both outcomes side by side and every flag', () => {
    const html = renderToStaticMarkup(
      <ImportNote
        transcript={{
          ...base,
          imported: {
            format: 'bargain',
            sourceFile: '/data/run_1_experiment_results.json',
            published: { deal: true, round: 2, utilities: [15.457, 16.415] },
            flags: [{ code: 'utilities_differ', message: 'the published ones are undiscounted' }],
            isTruncated: false,
          },
        }}
      />,
    );
    expect(html).toContain('Imported <span class="muted">(bargain)</span>');
    expect(html).toContain('>flag</span>');
    expect(html).toContain('/data/run_1_experiment_results.json');
    expect(html).toContain(
      '<tr><td>Agent_1</td><td class="num">15.457</td><td class="num">13.914</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>Agent_2</td><td class="num">16.415</td><td class="num">14.778</td></tr>',
    );
    expect(html).toContain('<li>the published ones are undiscounted</li>');
    expect(html).not.toContain('truncated');
  });
});
