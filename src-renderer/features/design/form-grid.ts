// The competition axis and the grid size the design form describes.
import type { DesignForm } from './form-model';
import { usesParties } from './party-lineup';

/** True when the competition axis is the focal party's incentive (a model per party only). */
export function usesIncentives(
  form: Pick<DesignForm, 'kind' | 'lineupMode' | 'competitionMode'>,
): boolean {
  return usesParties(form) && form.competitionMode === 'incentives';
}

/** True when the competition axis is a rho x theta grid (the treaty game only). */
export function usesGrid(form: Pick<DesignForm, 'kind' | 'competitionMode'>): boolean {
  return form.kind === 'treaty' && form.competitionMode === 'rhoTheta';
}

/** The grid the form describes: capabilities x levels x orders x runs. */
export function gridSize(form: DesignForm): {
  rows: number;
  columns: number;
  orders: number;
  runs: number;
  games: number;
} {
  const rows = form.participants.filter((r) => r.role === 'opponent').length;
  const columns = usesIncentives(form)
    ? new Set(form.incentives).size
    : usesGrid(form)
      ? new Set(form.rho).size * new Set(form.theta).size
      : new Set(form.levels).size;
  const orders = form.orders === 'both' ? 2 : 1;
  return { rows, columns, orders, runs: form.runs, games: rows * columns * orders * form.runs };
}
