// Progress events at most every `intervalMs` per sweep (at once when forced). A change inside the
// window is sent when it closes, so the last event always shows the latest state, even when
// nothing else happens afterwards (e.g. every game paused waiting for a key or a provider).
export class ProgressThrottle {
  private readonly lastAt = new Map<string, number>();
  /** Per sweep: the event owed for changes that fell inside the window. */
  private readonly owed = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly intervalMs: number,
    /** Whether anyone listens (nothing is computed otherwise). */
    private readonly listening: () => boolean,
    private readonly send: (sweepId: string) => void,
  ) {}

  request(sweepId: string, force: boolean): void {
    const owed = this.owed.get(sweepId);
    if (force && owed) {
      clearTimeout(owed);
      this.owed.delete(sweepId);
    }
    if (!this.listening()) return;
    const now = Date.now();
    const wait = this.intervalMs - (now - (this.lastAt.get(sweepId) ?? 0));
    if (!force && wait > 0) {
      if (!owed) {
        const timer = setTimeout(() => {
          this.owed.delete(sweepId);
          try {
            this.request(sweepId, true);
          } catch {
            // The store was closed meanwhile: nobody is left to tell.
          }
        }, wait);
        timer.unref?.();
        this.owed.set(sweepId, timer);
      }
      return;
    }
    this.lastAt.set(sweepId, now);
    this.send(sweepId);
  }
}
