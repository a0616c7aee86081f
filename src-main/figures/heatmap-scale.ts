// The colour bar's scale of a paper heatmap: round tick values and their text.

/** Colour-bar tick text: at most four significant digits, no float noise. */
export function formatBarTick(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** The largest 1/2/5 x 10^k step giving at least four colour-bar intervals. */
function niceStep(span: number): number {
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [5, 2, 1].map((m) => m * magnitude).find((step) => step <= raw) ?? magnitude;
}

/** Round values inside [lo, hi] for the colour bar, ends included only when they are round. */
export function colorBarTicks(lo: number, hi: number): number[] {
  const step = niceStep(hi - lo);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
