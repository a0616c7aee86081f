// User Timing marks at the moments a user waits for (data in, first frame painted), so the UI
// bench and the browser's performance panel can measure them. No-ops where unavailable.

export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function')
    performance.mark(name);
}

/** Marks `name` once the browser has painted the current frame. */
export function markAfterPaint(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return mark(name);
  requestAnimationFrame(() => setTimeout(() => mark(name), 0));
}
