// Results: the capability x competition heatmap (metric and capability axis selectable), the
// games of a clicked cell, and the flattened curves. Everything is in the URL.
import { useEffect, useMemo, useState } from 'react';
import { BARGAIN_FIGURE_KINDS, RESULT_METRICS } from '../../../src-shared/contract';
import type { ResultMetric } from '../../../src-shared/contract';
import { EChart } from '../../components/EChart';
import type { ChartClick } from '../../components/EChart';
import { LoadState } from '../../components/Loading';
import { BargainFigures } from './BargainFigures';
import { CellGames } from './CellGames';
import { CellSummary } from './CellSummary';
import { GridTable } from './GridTable';
import { EmptyState } from '../../components/EmptyState';
import { ExportFigure } from './ExportFigure';
import { LeakRates } from './LeakRates';
import {
  curvesOption,
  gridCurves,
  heatmapHeight,
  heatmapOption,
  pickLevels,
  showsCellDetail,
  xLabel,
  yLabel,
} from '../../lib/charts';
import { fmt } from '../../lib/format';
import { metricDef, metricsOfGame } from '../../../src-shared/metrics';
import type { Route } from '../../lib/route';
import { useApp } from '../../state/hooks';

type ResultsRoute = Extract<Route, { screen: 'results' }>;

export function ResultsScreen({ route }: { route: ResultsRoute }) {
  const sweeps = useApp((s) => s.sweeps);
  const navigate = useApp((s) => s.navigate);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const sweepId = route.sweepId ?? list.at(-1)?.id ?? null;

  useEffect(() => {
    if (!route.sweepId && sweepId) navigate({ ...route, sweepId }, { replace: true });
  }, [route, sweepId, navigate]);

  if (sweeps.state === 'ready' && list.length === 0) return <EmptyState />;
  if (!sweepId)
    return (
      <LoadState value={sweeps} what="sweeps">
        {() => null}
      </LoadState>
    );
  return <SweepResults route={{ ...route, sweepId }} />;
}

function SweepResults({ route }: { route: ResultsRoute & { sweepId: string } }) {
  const sweeps = useApp((s) => s.sweeps);
  const loaded = useApp((s) => s.grid);
  const loadResults = useApp((s) => s.loadResults);
  const loadCellGames = useApp((s) => s.loadCellGames);
  const navigate = useApp((s) => s.navigate);
  const { sweepId, metric, capabilityMetric, cell } = route;
  const [view, setView] = useState<'heatmap' | 'table'>('heatmap');

  useEffect(() => {
    void loadResults({ sweepId, metric, capabilityMetric });
  }, [loadResults, sweepId, metric, capabilityMetric]);
  useEffect(() => {
    void loadCellGames(sweepId, cell);
  }, [loadCellGames, sweepId, cell]);

  const grid = loaded.state === 'ready' && loaded.value.sweepId === sweepId ? loaded.value : null;
  const hOption = useMemo(() => (grid ? heatmapOption(grid, cell) : null), [grid, cell]);
  const cOption = useMemo(
    () =>
      grid
        ? curvesOption(
            gridCurves(grid),
            grid.x.map((_, i) => xLabel(grid, i)),
          )
        : null,
    [grid],
  );
  const selectCell = (c: { focalId: string; level: number }) =>
    navigate({ ...route, cell: { focalId: c.focalId, level: c.level } });
  const onCellClick = (e: ChartClick) => {
    const c = grid?.cells[e.dataIndex];
    if (c) selectCell(c);
  };
  const selected = grid && cell ? grid.x.findIndex((x) => x.focalId === cell.focalId) : -1;
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const summary = list.find((s) => s.id === sweepId);
  const kind = summary?.kind ?? null;
  // Every metric the sweep's game has (from the grid), the gridded ones until it arrives.
  const metrics = grid?.metrics ?? metricsOfGame(RESULT_METRICS, kind);

  return (
    <section className="results" aria-label="Results">
      <div className="toolbar">
        <label>
          Sweep
          <select
            value={sweepId}
            onChange={(e) =>
              navigate({ ...route, sweepId: e.target.value, cell: null, capabilityMetric: null })
            }
          >
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.progress.done}/{s.progress.total})
              </option>
            ))}
          </select>
        </label>
        <label>
          Metric
          <select
            data-testid="metric"
            value={metric}
            onChange={(e) => navigate({ ...route, metric: e.target.value as ResultMetric })}
          >
            {(metrics.includes(metric) ? metrics : [metric, ...metrics]).map((m) => (
              <option key={m} value={m}>
                {metricDef(m).label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Capability axis
          <select
            value={grid?.capabilityMetric ?? capabilityMetric ?? ''}
            onChange={(e) => navigate({ ...route, capabilityMetric: e.target.value, cell: null })}
          >
            {(grid?.capabilityMetrics ?? [capabilityMetric ?? '']).map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {grid && (
          <span className="muted">
            {grid.games} finished games · 95% {grid.ci === 'bootstrap' ? 'bootstrap' : 't'} CI ·
            {showsCellDetail(grid) || view === 'table'
              ? ' cells show mean [CI] and n'
              : ' the Table view prints each cell’s CI and n'}{' '}
            · click a cell for its games
          </span>
        )}
      </div>

      <LoadState
        value={loaded}
        what="the heatmap"
        retry={() => void loadResults({ sweepId, metric, capabilityMetric })}
      >
        {() =>
          grid && hOption ? (
            grid.games === 0 ? (
              <p className="muted" data-testid="heatmap-empty">
                No finished games yet: the heatmap fills in as games finish (watch them in Runs).
              </p>
            ) : (
              <>
                <div className="segmented" role="group" aria-label="View">
                  {(['heatmap', 'table'] as const).map((v) => (
                    <button
                      key={v}
                      type="button"
                      data-testid={`results-view-${v}`}
                      aria-pressed={view === v}
                      onClick={() => setView(v)}
                    >
                      {v === 'heatmap' ? 'Heatmap' : 'Table'}
                    </button>
                  ))}
                </div>
                {view === 'heatmap' ? (
                  <EChart
                    option={hOption}
                    onClick={onCellClick}
                    height={heatmapHeight(grid)}
                    testId="heatmap"
                    label={`Heatmap of ${metricDef(metric).label} by capability and ${grid.yTitle ?? 'competition'}; the Table view lists the same cells`}
                  />
                ) : (
                  <GridTable grid={grid} selected={cell} onSelect={selectCell} />
                )}
                <ExportFigure
                  figure="heatmap"
                  sweepId={sweepId}
                  metric={grid.metric}
                  capabilityMetric={grid.capabilityMetric}
                />
              </>
            )
          ) : null
        }
      </LoadState>

      {cell && (
        <section className="panel" aria-label="Games in the selected cell" data-testid="cell-panel">
          <h2>
            {grid && selected >= 0 ? xLabel(grid, selected) : cell.focalId} ·{' '}
            {grid ? yLabel(grid, grid.y.indexOf(cell.level)) : `competition ${fmt(cell.level, 2)}`}
            <button
              type="button"
              className="link"
              onClick={() => navigate({ ...route, cell: null })}
            >
              clear
            </button>
          </h2>
          {grid && <CellSummary grid={grid} cell={cell} />}
          <CellGames sweepId={sweepId} />
        </section>
      )}

      {grid && grid.games > 0 && cOption && (
        <section className="panel" aria-label="Curves">
          <h2>
            {metricDef(metric).label} vs capability, one line per{' '}
            {grid.yTitle ?? 'competition level'}
            {grid.y.length > pickLevels(grid.y).length && (
              <span className="muted small">
                ({pickLevels(grid.y).length} of {grid.y.length} levels, evenly spread)
              </span>
            )}
          </h2>
          <EChart
            option={cOption}
            height={320}
            testId="curves"
            label="Metric against capability per competition level"
          />
          <ExportFigure
            figure="curves"
            sweepId={sweepId}
            metric={grid.metric}
            capabilityMetric={grid.capabilityMetric}
          />
        </section>
      )}
      {grid && grid.games > 0 && kind && BARGAIN_FIGURE_KINDS.includes(kind) && (
        <BargainFigures sweepId={sweepId} games={grid.games} />
      )}

      {summary?.kind === 'deliberation' && (
        <LeakRates key={sweepId} sweepId={sweepId} finished={summary.progress.done} />
      )}
    </section>
  );
}
