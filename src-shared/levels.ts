// Which competition levels the curves show: the results screen and the exported curves figure
// pick the same ones, so an export matches what the researcher sees.

/** The most lines a curves view draws (one colour each). */
export const CURVES_MAX_LEVELS = 7;

/** At most `max` competition levels, evenly spread and always including the lowest and highest. */
export function pickLevels<T>(series: readonly T[], max = CURVES_MAX_LEVELS): T[] {
  if (series.length <= max) return [...series];
  const idx = new Set(
    Array.from({ length: max }, (_, k) => Math.round((k * (series.length - 1)) / (max - 1))),
  );
  return [...idx].map((i) => series[i]);
}
