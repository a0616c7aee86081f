// The games of one heatmap cell as a sortable table; each row opens its transcript.
import { useState } from 'react';
import type { GameSummary } from '../../../src-shared/contract';
import { fmt } from '../../lib/format';
import { useApp } from '../../state/hooks';
import { LoadState } from '../../components/Loading';

type SortKey =
  'runIndex' | 'order' | 'seed' | 'status' | 'deal' | 'agreementRound' | 'focalUtility';

const COLUMNS: { key: SortKey; label: string; isNumeric: boolean }[] = [
  { key: 'runIndex', label: 'Run', isNumeric: true },
  { key: 'order', label: 'Order', isNumeric: false },
  { key: 'seed', label: 'Seed', isNumeric: true },
  { key: 'status', label: 'Status', isNumeric: false },
  { key: 'deal', label: 'Deal', isNumeric: false },
  { key: 'agreementRound', label: 'Round', isNumeric: true },
  { key: 'focalUtility', label: 'Focal utility', isNumeric: true },
];

function compare(a: GameSummary, b: GameSummary, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

export function CellGames({ sweepId }: { sweepId: string }) {
  const games = useApp((s) => s.cellGames);
  const navigate = useApp((s) => s.navigate);
  const setGameList = useApp((s) => s.setGameList);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'runIndex', dir: 1 });
  return (
    <LoadState value={games} what="the cell's games">
      {(rows) => {
        const sorted = [...rows].sort((a, b) => sort.dir * compare(a, b, sort.key));
        const open = (g: GameSummary) => {
          setGameList(sweepId, sorted);
          navigate({ screen: 'transcripts', gameId: g.id, sweepId });
        };
        return (
          <table className="grid" data-testid="cell-games">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    className={c.isNumeric ? 'num' : ''}
                    aria-sort={
                      sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none'
                    }
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        setSort({ key: c.key, dir: sort.key === c.key ? (-sort.dir as 1 | -1) : 1 })
                      }
                    >
                      {c.label}
                      {sort.key === c.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
                <th className="num">Utilities</th>
                <th>Seats</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sorted.map((g) => (
                <tr key={g.id}>
                  <td className="num">{g.runIndex + 1}</td>
                  <td>{g.order.replace('_', ' ')}</td>
                  <td className="num">{g.seed}</td>
                  <td>
                    <span className={`pill pill-${g.status}`}>{g.status}</span>
                  </td>
                  <td>{g.deal === null ? '–' : g.deal ? 'yes' : 'no'}</td>
                  <td className="num">{g.agreementRound ?? '–'}</td>
                  <td className="num">{fmt(g.focalUtility, 1)}</td>
                  <td className="num">
                    {g.utilities ? g.utilities.map((u) => fmt(u, 1)).join(' / ') : '–'}
                  </td>
                  <td className="seats">{g.participants.map((p) => p.label).join(' vs ')}</td>
                  <td>
                    <a
                      href={`#/transcripts/${encodeURIComponent(g.id)}`}
                      data-testid="open-transcript"
                      onClick={(e) => {
                        e.preventDefault();
                        open(g);
                      }}
                    >
                      transcript
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </LoadState>
  );
}
