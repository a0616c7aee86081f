// A round's proposals and every agent's vote on each, with the accepted one marked.
import type { RoundTable } from './timeline';
import { proposerName } from './timeline';
import { agentName } from '../../lib/format';
import { PHASE_COLORS } from '../../theme';

export function RoundTableView({ table }: { table: RoundTable }) {
  const agents = table.votes.map((_, a) => a);
  return (
    <div
      className="round-table"
      data-testid="vote-table"
      style={{ borderLeftColor: PHASE_COLORS.vote }}
    >
      <table className="grid compact">
        <caption>
          Round {table.round}: proposals and votes{' '}
          {table.accepted === null ? (
            <span className="muted">· none passed</span>
          ) : (
            <strong>· proposal {table.accepted} accepted</strong>
          )}
        </caption>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>By</th>
            <th>Proposal</th>
            {agents.map((a) => (
              <th key={a} className="vote-col">
                {agentName(a)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.proposals.map((p, j) => (
            <tr key={p.number} className={table.accepted === p.number ? 'accepted' : ''}>
              <td className="num">{p.number}</td>
              <td>{proposerName(p.proposer)}</td>
              <td className="proposal-text">{p.text}</td>
              {agents.map((a) => {
                const v = table.votes[a][j];
                return (
                  <td
                    key={a}
                    className={`vote-col vote-${v ?? 'unknown'}`}
                    data-testid="vote"
                    aria-label={`${agentName(a)}: ${v ?? 'unknown'}`}
                  >
                    {v === 'accept' ? '✓ accept' : v === 'reject' ? '✗ reject' : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
