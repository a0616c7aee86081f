// Arrow-key movement between the cell buttons of a grid table (the keyboard form of a heatmap):
// each button carries data-xi / data-yi; y grows upwards, as in the heatmap.
import type { KeyboardEvent } from 'react';

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/**
 * A table's onKeyDown that moves focus to the neighbouring cell of a `width` x `height` grid.
 * Cells for which `stop(xi, yi)` is false are walked over in the arrow's direction (holes).
 */
export function cellArrowKeys(
  width: number,
  height: number,
  stop: (xi: number, yi: number) => boolean = () => true,
) {
  return (e: KeyboardEvent<HTMLTableElement>) => {
    const move = MOVES[e.key];
    const el = e.target as HTMLElement;
    if (!move || el.dataset.xi === undefined) return;
    e.preventDefault();
    const [dx, dy] = move;
    let xi = Number(el.dataset.xi);
    let yi = Number(el.dataset.yi);
    for (;;) {
      xi += dx;
      yi += dy;
      if (xi < 0 || yi < 0 || xi >= width || yi >= height) return;
      if (stop(xi, yi)) break;
    }
    e.currentTarget.querySelector<HTMLElement>(`[data-xi="${xi}"][data-yi="${yi}"]`)?.focus();
  };
}
