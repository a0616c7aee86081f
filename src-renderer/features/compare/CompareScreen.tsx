// Compare: run A against run B with games paired by cell and seed. The difference heatmap (or its
// table), the pairs of a cell filtered by tag, and a pair's two transcripts side by side.
import { useEffect, useMemo, useState } from 'react';
import { COMPARE_METRIC_LABELS, COMPARE_METRICS } from '../../../src-shared/contract';
import type { CompareCell, CompareMetric, CompareSide } from '../../../src-shared/contract';
import { EChart } from '../../components/EChart';
import type { ChartClick } from '../../components/EChart';
import { EmptyState } from '../../components/EmptyState';
import { LoadState } from '../../components/Loading';
import { heatmapHeight } from '../../lib/charts';
import { fmt } from '../../lib/format';
import { useApp } from '../../state/hooks';
import type { CompareRoute } from './compare-route';
import { diffHeatmapOption, xLabelOf } from './compare-chart';
import { DiffTable } from './DiffTable';
import { PairList } from './PairList';
import { SideBySide } from './SideBySide';
import { SidePicker } from './SidePicker';
import './compare.css';

type Ready = CompareRoute & { a: CompareSide; b: CompareSide };

export function CompareScreen({ route }: { route: CompareRoute }) {
  const sweeps = useApp((s) => s.sweeps);
  const navigate = useApp((s) => s.navigate);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const newest = list.at(-1)?.id ?? null;

  // With no sides chosen, open on the two seat orders of the newest sweep: a comparison that
  // every sweep with both orders can make.
  useEffect(() => {
    if ((!route.a || !route.b) && newest) {
      navigate(
        {
          ...route,
          a: route.a ?? { sweepId: newest, order: 'weak_first' },
          b: route.b ?? { sweepId: route.a?.sweepId ?? newest, order: 'strong_first' },
        },
        { replace: true },
      );
    }
  }, [route, newest, navigate]);

  if (sweeps.state === 'ready' && list.length === 0) return <EmptyState />;
  if (!route.a || !route.b)
    return (
      <LoadState value={sweeps} what="sweeps">
        {() => null}
      </LoadState>
    );
  return <Comparison route={route as Ready} />;
}

function Comparison({ route }: { route: Ready }) {
  const grid = useApp((s) => s.compareGrid);
  const loadCompare = useApp((s) => s.loadCompare);
  const loadPairs = useApp((s) => s.loadPairs);
  const openPair = useApp((s) => s.openPair);
  const navigate = useApp((s) => s.navigate);
  const [view, setView] = useState<'heatmap' | 'table'>('heatmap');
  const { a, b, metric, cell, tag, pair } = route;
  const query = useMemo(() => ({ a, b, metric }), [a, b, metric]);

  useEffect(() => {
    void loadCompare(query);
  }, [loadCompare, query]);
  useEffect(() => {
    void loadPairs({ ...query, cell, tag });
  }, [loadPairs, query, cell, tag]);
  useEffect(() => {
    if (pair) void openPair(pair.a, pair.b);
  }, [openPair, pair]);

  const result = grid.state === 'ready' ? grid.value : null;
  const selected: CompareCell | null =
    (result &&
      cell &&
      result.cells.find(
        (c) => c.focalKey === cell.focalKey && Math.abs(c.level - cell.level) < 1e-9,
      )) ||
    null;
  const option = useMemo(
    () => (result ? diffHeatmapOption(result, selected) : null),
    [result, selected],
  );
  const select = (c: CompareCell) =>
    navigate({ ...route, cell: { focalKey: c.focalKey, level: c.level }, pair: null });
  const onChartClick = (e: ChartClick) => {
    const c = result?.cells[e.dataIndex];
    if (c) select(c);
  };
  const setSide = (name: 'a' | 'b', side: CompareSide) =>
    navigate({ ...route, [name]: side, cell: null, pair: null });

  return (
    <section className="compare" aria-label="Compare runs">
      <div className="compare-controls">
        <SidePicker name="A" side={a} onChange={(s) => setSide('a', s)} />
        <SidePicker name="B" side={b} onChange={(s) => setSide('b', s)} />
        <div className="compare-actions">
          <label>
            Metric (B − A)
            <select
              data-testid="compare-metric"
              value={metric}
              onChange={(e) =>
                navigate({ ...route, metric: e.target.value as CompareMetric, pair: null })
              }
            >
              {COMPARE_METRICS.map((m) => (
                <option key={m} value={m}>
                  {COMPARE_METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-testid="swap"
            onClick={() => navigate({ ...route, a: b, b: a, cell: null, pair: null })}
          >
            Swap A and B
          </button>
        </div>
      </div>

      <LoadState value={grid} what="the comparison" retry={() => void loadCompare(query)}>
        {(r) => (
          <>
            <p className="muted small" data-testid="compare-summary">
              {r.pairs} pairs matched by {r.pairedBy.join(', ')} · unpaired A {r.unpairedA}, B{' '}
              {r.unpairedB}
              {r.ambiguousA + r.ambiguousB > 0 &&
                ` · left out as ambiguous (several games per key): A ${r.ambiguousA}, B ${r.ambiguousB}`}{' '}
              · 95% bootstrap CI ({r.test.bootstrapResamples} resamples) · sign-flip permutation
              test, exact up to {r.test.exactMaxPairs} pairs, else {r.test.monteCarloDraws} seeded
              draws · Wilcoxon signed-rank test (zero differences dropped), exact up to{' '}
              {r.test.wilcoxon.exactMaxPairs} pairs, else normal with ties correction · computed in{' '}
              {r.elapsedMs} ms
            </p>
            {r.pairs === 0 ? (
              <p className="notice notice-info" data-testid="compare-empty">
                No game of A has a partner in B. Pairs need the same focal participant (unless both
                sides pin one), competition level and seed, and the same order unless a side pins
                its order.
              </p>
            ) : (
              <>
                <div className="segmented" role="group" aria-label="View">
                  {(['heatmap', 'table'] as const).map((v) => (
                    <button
                      key={v}
                      type="button"
                      data-testid={`view-${v}`}
                      aria-pressed={view === v}
                      onClick={() => setView(v)}
                    >
                      {v === 'heatmap' ? 'Heatmap' : 'Table'}
                    </button>
                  ))}
                </div>
                {view === 'heatmap' && option ? (
                  <EChart
                    option={option}
                    onClick={onChartClick}
                    height={heatmapHeight({
                      x: r.x.map((c) => ({ ...c, focalId: c.focalKey })),
                      y: r.y,
                    })}
                    testId="diff-heatmap"
                    label={`Difference heatmap of ${COMPARE_METRIC_LABELS[metric]}, B minus A; the Table view lists the same values`}
                  />
                ) : (
                  <DiffTable result={r} selected={selected} onSelect={select} />
                )}
              </>
            )}
          </>
        )}
      </LoadState>

      <section className="panel" aria-label="Pairs" data-testid="pairs-panel">
        <h2>
          {selected && result
            ? `Pairs in ${xLabelOf(result, selected.xi)} · competition ${fmt(selected.level, 2)}`
            : 'All pairs'}
          {cell && (
            <button
              type="button"
              className="link"
              onClick={() => navigate({ ...route, cell: null, pair: null })}
            >
              all cells
            </button>
          )}
        </h2>
        <PairList
          metric={metric}
          tag={tag}
          openPair={pair}
          onTag={(t) => navigate({ ...route, tag: t })}
          onOpen={(p) => navigate({ ...route, pair: p })}
          onPage={(offset) => void loadPairs({ ...query, cell, tag, offset })}
          reload={() => void loadPairs({ ...query, cell, tag })}
        />
      </section>

      {pair && <SideBySide pair={pair} onClose={() => navigate({ ...route, pair: null })} />}
    </section>
  );
}
