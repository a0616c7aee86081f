// First run: what Parley does, and one click to see it working.
import { useState } from 'react';
import { useApp } from '../state/hooks';

export function EmptyState() {
  const runDemo = useApp((s) => s.runDemo);
  const navigate = useApp((s) => s.navigate);
  const canRun = useApp((s) => s.info.state === 'ready' && s.info.value.canRun);
  const isReadOnly = useApp((s) => s.info.state === 'ready' && !s.info.value.canRun);
  const [isStarting, setStarting] = useState(false);
  return (
    <section className="empty" data-testid="empty-state">
      <h1>No sweeps yet</h1>
      <p>
        A <strong>sweep</strong> is a grid of negotiation games: agents of different{' '}
        <em>capability</em> (columns) meet at different levels of <em>competition</em> (rows, from 0
        = fully cooperative to 1 = zero-sum), each cell played over several seeded runs. Parley runs
        the games, records every turn, and shows the outcome per cell as a heatmap you can click
        down to single transcripts.
      </p>
      <ol>
        <li>Run the demo: bounded-rational strategy agents, no API keys, a few seconds.</li>
        <li>
          Watch it in <strong>Runs</strong>, then open the heatmap in <strong>Results</strong>.
        </li>
        <li>
          Click a cell, open a game, and read its public talk and private reasoning in{' '}
          <strong>Transcripts</strong>.
        </li>
      </ol>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="run-demo"
          disabled={!canRun || isStarting}
          onClick={() => {
            setStarting(true);
            void runDemo().then(() => setStarting(false));
          }}
        >
          {isStarting ? 'Starting…' : 'Run the demo sweep'}
        </button>
        <button type="button" onClick={() => navigate({ screen: 'design' })}>
          Design your own sweep
        </button>
      </div>
      {isReadOnly && (
        <p className="muted">This host serves a database read-only, so it cannot run sweeps.</p>
      )}
    </section>
  );
}
