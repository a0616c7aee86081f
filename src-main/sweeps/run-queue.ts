// The queue a sweep run plays from: game ids read from the store a page at a time, in store
// order (never every planned game at once, so a 100,000-game sweep runs in bounded memory).
import type { Store } from '../store/store';
import type { Lease } from '../store/types';

/** Games read per page. */
const PAGE = 256;

/**
 * Ids the run may play next. A pass reads the sweep's playable games page by page from the
 * store; a game played once in this run is not taken again by a later pass (as before, a paused
 * game comes back only through `add`, when its provider is back).
 */
export class RunQueue {
  private ids: string[] = [];
  private next = 0;
  private after = 0;
  /** Ids waiting in the queue, being played, or played once already in this run. */
  private readonly waiting = new Set<string>();
  readonly playing = new Set<string>();
  readonly played = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly sweepId: string,
    private readonly lease: Lease,
    /** Called before every page (hands back games of runners that died). */
    private readonly beforePage: () => void = () => {},
  ) {}

  /** Queue `id` unless it is queued or being played already. */
  add(id: string): void {
    if (this.waiting.has(id) || this.playing.has(id)) return;
    this.waiting.add(id);
    this.ids.push(id);
  }

  /** The next id to play, reading pages as needed; null when a whole pass found none. */
  take(): string | null {
    if (this.next >= this.ids.length && !this.fill()) return null;
    const id = this.ids[this.next++];
    this.waiting.delete(id);
    if (this.next >= PAGE) {
      this.ids = this.ids.slice(this.next);
      this.next = 0;
    }
    return id;
  }

  /** Whether an id is waiting without reading the store. */
  hasWaiting(): boolean {
    return this.next < this.ids.length;
  }

  /** Reads on from where the last page ended, then once from the start; false if nothing came. */
  private fill(): boolean {
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1) this.after = 0;
      for (;;) {
        this.beforePage();
        const page = this.store.queuePage(this.sweepId, this.after, PAGE);
        const now = Date.now();
        for (const g of page) {
          this.after = g.row;
          const isFree =
            g.status === 'running'
              ? g.leaseOwner !== this.lease.owner && (g.leaseUntil ?? 0) <= now
              : !this.played.has(g.id);
          if (isFree) this.add(g.id);
        }
        if (this.next < this.ids.length) return true;
        if (page.length < PAGE) break;
      }
    }
    return false;
  }
}
