// The pairs of the selected cell (or of the whole comparison), filterable by a tag on either
// game; a row opens the two transcripts side by side.
import type { CompareMetric } from '../../../src-shared/contract';
import { LoadState } from '../../components/Loading';
import { useApp } from '../../state/hooks';
import { diffDigits, fmtDiff } from './compare-chart';
import { fmt } from '../../lib/format';
import { PAIRS_PAGE } from './compare-slice';

export function PairList({
  metric,
  tag,
  openPair,
  onTag,
  onOpen,
  onPage,
  reload,
}: {
  metric: CompareMetric;
  tag: string | null;
  openPair: { a: string; b: string } | null;
  onTag: (tag: string | null) => void;
  onOpen: (pair: { a: string; b: string }) => void;
  /** Loads the page of pairs that starts at `offset`. */
  onPage: (offset: number) => void;
  reload: () => void;
}) {
  const pairs = useApp((s) => s.comparePairs);
  const tagList = useApp((s) => s.tagList);
  const d = diffDigits(metric);
  return (
    <>
      <div className="toolbar">
        <label>
          Tag
          <select
            data-testid="tag-filter"
            value={tag ?? ''}
            onChange={(e) => onTag(e.target.value || null)}
          >
            <option value="">any (no filter)</option>
            {tag && !tagList.some((t) => t.tag === tag) && <option value={tag}>{tag}</option>}
            {tagList.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.games} games)
              </option>
            ))}
          </select>
        </label>
        {pairs.state === 'ready' && (
          <>
            <span className="muted" data-testid="pairs-total">
              {pairs.value.total > pairs.value.rows.length
                ? `pairs ${pairs.value.offset + 1}-${pairs.value.offset + pairs.value.rows.length} of ${pairs.value.total}`
                : `${pairs.value.total} pairs`}
            </span>
            {pairs.value.total > PAIRS_PAGE && (
              <span className="actions">
                <button
                  type="button"
                  data-testid="pairs-prev"
                  disabled={pairs.value.offset === 0}
                  onClick={() => onPage(Math.max(0, pairs.value.offset - PAIRS_PAGE))}
                >
                  Previous
                </button>
                <button
                  type="button"
                  data-testid="pairs-next"
                  disabled={pairs.value.offset + PAIRS_PAGE >= pairs.value.total}
                  onClick={() => onPage(pairs.value.offset + PAIRS_PAGE)}
                >
                  Next
                </button>
              </span>
            )}
          </>
        )}
      </div>
      <LoadState value={pairs} what="the pairs" retry={reload}>
        {(page) =>
          page.rows.length === 0 ? (
            <p className="muted" data-testid="pairs-empty">
              No pairs{tag ? ` with the tag “${tag}”` : ''}.
            </p>
          ) : (
            <div className="table-scroll pair-scroll">
              <table className="grid compact" data-testid="pair-list">
                <thead>
                  <tr>
                    <th scope="col">focal</th>
                    <th scope="col" className="num">
                      competition
                    </th>
                    <th scope="col" className="num">
                      seed
                    </th>
                    <th scope="col">order</th>
                    <th scope="col" className="num">
                      A
                    </th>
                    <th scope="col" className="num">
                      B
                    </th>
                    <th scope="col" className="num">
                      B − A
                    </th>
                    <th scope="col">tags</th>
                    <th scope="col">
                      <span className="sr-only">open</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((p) => {
                    const isOpen = openPair?.a === p.gameA && openPair?.b === p.gameB;
                    return (
                      <tr key={`${p.gameA}:${p.gameB}`} aria-selected={isOpen}>
                        <td>{p.focalKey === '*' ? 'A → B' : p.focalKey}</td>
                        <td className="num">{fmt(p.level, 2)}</td>
                        <td className="num">{p.seed}</td>
                        <td>{p.order.replace('_', ' ')}</td>
                        <td className="num">{fmt(p.valueA, d)}</td>
                        <td className="num">{fmt(p.valueB, d)}</td>
                        <td className="num">{fmtDiff(p.diff, d)}</td>
                        <td>
                          {p.tags.map((t) => (
                            <span key={t} className="pill tag-pill">
                              {t}
                            </span>
                          ))}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            data-testid="open-pair"
                            aria-pressed={isOpen}
                            onClick={() => onOpen({ a: p.gameA, b: p.gameB })}
                          >
                            side by side
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </>
  );
}
