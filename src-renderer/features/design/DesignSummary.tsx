// The designer's side panel: the grid the form describes (or what to fix first), the host's LLM
// cost estimate against the budget, the check and Launch.
import type { SweepEstimateView } from '../../../src-shared/contract';
import type { SweepIssue } from '../../../src-shared/sweep';
import { fmtCount, fmtUsd } from '../../lib/format';
import { useApp } from '../../state/hooks';
import { gridSize, usesGrid, usesIncentives } from './form-model';
import { fieldLabel } from './issue-text';

export function DesignSummary({
  issues,
  isLocalOk,
  canRun,
  isReadOnly,
}: {
  issues: SweepIssue[];
  isLocalOk: boolean;
  canRun: boolean;
  isReadOnly: boolean;
}) {
  const form = useApp((s) => s.form);
  const validation = useApp((s) => s.validation);
  const launch = useApp((s) => s.launch);
  const isLaunching = useApp((s) => s.isLaunching);
  const navigate = useApp((s) => s.navigate);
  const grid = gridSize(form);
  const hostOk = validation.state === 'done' && validation.result.ok ? validation.result : null;
  const state =
    !isLocalOk || issues.length > 0
      ? 'invalid'
      : validation.state === 'checking' || validation.state === 'idle'
        ? 'checking'
        : hostOk
          ? 'valid'
          : 'invalid';
  return (
    <aside
      className="design-summary"
      aria-label="Sweep summary"
      data-testid="design-summary"
      data-state={state}
    >
      <h2>Grid</h2>
      {state === 'invalid' && issues.length > 0 ? (
        <p className="grid-formula grid-invalid" data-testid="grid-preview" data-state="invalid">
          No game count until the form is fixed. First: {fieldLabel(issues[0])}: {issues[0].message}
          {issues.length > 1
            ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
            : ''}
          .
        </p>
      ) : (
        <p className="grid-formula" data-testid="grid-preview" data-state="valid">
          <span className="num">{grid.rows}</span> {plural(grid.rows, 'capability', 'capabilities')}{' '}
          × <span className="num">{grid.columns}</span>{' '}
          {usesIncentives(form)
            ? plural(grid.columns, 'incentive', 'incentives')
            : usesGrid(form)
              ? plural(grid.columns, '(ρ, θ) cell', '(ρ, θ) cells')
              : plural(grid.columns, 'level', 'levels')}
          {grid.orders > 1 ? (
            <>
              {' '}
              × <span className="num">2</span> orders
            </>
          ) : null}{' '}
          × <span className="num">{grid.runs}</span> {plural(grid.runs, 'run', 'runs')} ={' '}
          <strong className="num">
            {Number.isFinite(grid.games) ? fmtCount(grid.games) : '–'}
          </strong>{' '}
          {plural(grid.games, 'game', 'games')}
        </p>
      )}
      <Estimate estimate={hostOk?.estimate ?? null} budgetUsd={form.budgetUsd} />
      <h2>Check</h2>
      <div className={`check check-${state}`} role="status" data-testid="validation">
        {state === 'valid' && hostOk && (
          <>
            Ready: {hostOk.cells} cells, {hostOk.games} games.
          </>
        )}
        {state === 'checking' && 'Checking…'}
        {state === 'invalid' &&
          (issues.length > 0
            ? `${issues.length} problem${issues.length > 1 ? 's' : ''}: see the marked fields.`
            : 'The host could not check the sweep.')}
        {validation.state === 'error' && <div className="error-inline">{validation.error}</div>}
      </div>
      {hostOk && hostOk.warnings.length > 0 && (
        <ul className="warnings">
          {hostOk.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="primary launch"
        data-testid="launch"
        disabled={state !== 'valid' || isLaunching || !canRun}
        onClick={() =>
          void launch().then((id) => {
            if (id) navigate({ screen: 'runs' });
          })
        }
      >
        {isLaunching ? 'Launching…' : 'Launch sweep'}
      </button>
      {isReadOnly && (
        <p className="hint">This host is read-only: save the JSON and run it with `parley run`.</p>
      )}
    </aside>
  );
}

/** The host's estimate (sweeps:validate), the figure `parley run --estimate` prints. */
function Estimate({
  estimate,
  budgetUsd,
}: {
  estimate: SweepEstimateView | null;
  budgetUsd: number | null;
}) {
  if (!estimate) return <p className="hint">The estimate follows once the sweep checks out.</p>;
  if (estimate.calls === 0)
    return <p className="hint">Strategy agents only: no API calls, no cost.</p>;
  const cost = (usd: number | null) =>
    usd === null ? 'unknown (a model has no price)' : `≤ ${fmtUsd(usd)}`;
  return (
    <div className="estimate" data-testid="estimate">
      <h3>LLM usage (upper bound)</h3>
      <p>
        ≤ {fmtCount(estimate.calls)} calls in {fmtCount(estimate.llmGames)} games · ≤{' '}
        {fmtCount(estimate.promptTokens + estimate.outputTokens)} tokens · cost{' '}
        {cost(estimate.costCachedUsd)} with the prompt cache, {cost(estimate.costNoCacheUsd)}{' '}
        without
      </p>
      <p className="hint">
        As <code>parley run --estimate</code>: each game&apos;s real prompts, replies of{' '}
        {estimate.replyTokens} tokens, every game lasting all rounds. Real runs stop at agreement.
      </p>
      <BudgetWarning estimate={estimate} budgetUsd={budgetUsd} />
    </div>
  );
}

/** The estimate against the budget: over it even with the cache, or only without it. */
function BudgetWarning({
  estimate,
  budgetUsd,
}: {
  estimate: SweepEstimateView;
  budgetUsd: number | null;
}) {
  if (budgetUsd === null || Number.isNaN(budgetUsd)) return null;
  const { costCachedUsd: cached, costNoCacheUsd: fresh } = estimate;
  if (cached !== null && cached > budgetUsd)
    return (
      <p className="notice notice-warn" role="alert" data-testid="budget-warning">
        Over budget: the estimate with the prompt cache, ≤ {fmtUsd(cached)}, is{' '}
        {fmtRatio(cached / budgetUsd)} the budget of {fmtUsd(budgetUsd)}. The sweep will pause when
        the budget is spent, leaving cells unfinished; raise the budget or plan fewer games.
      </p>
    );
  if (fresh !== null && fresh > budgetUsd)
    return (
      <p className="notice notice-warn" role="status" data-testid="budget-warning">
        May exceed the budget: without the prompt cache the estimate is ≤ {fmtUsd(fresh)}, over the
        budget of {fmtUsd(budgetUsd)}.
      </p>
    );
  return null;
}

function fmtRatio(r: number): string {
  return r >= 10 ? `${Math.round(r)} times` : `${r.toFixed(1)} times`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
