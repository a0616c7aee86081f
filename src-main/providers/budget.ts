// Stops new model calls before a sweep's USD cap would be crossed. Calls in flight hold a
// reservation of their estimated cost, so concurrent calls cannot jointly overshoot the cap.
import { AgentPausedError } from '../engine/agent';

export interface BudgetReservation {
  /** Replace the reservation with the call's actual cost (0 for a failed or cached call). */
  settle(actualUsd: number): void;
}

export class BudgetGuard {
  private spent: number;
  private reserved = 0;

  constructor(
    readonly capUsd: number,
    /** Cost already spent, e.g. the store's call totals when a sweep resumes. */
    spentUsd = 0,
  ) {
    this.spent = spentUsd;
  }

  get spentUsd(): number {
    return this.spent;
  }

  get remainingUsd(): number {
    return Math.max(0, this.capUsd - this.spent - this.reserved);
  }

  /** Reserve `estimateUsd` for a call, or throw AgentPausedError('budget') if the cap would be crossed. */
  reserve(estimateUsd: number): BudgetReservation {
    if (this.spent + this.reserved + estimateUsd > this.capUsd) {
      throw new AgentPausedError(
        `budget cap reached: $${this.spent.toFixed(4)} spent of $${this.capUsd.toFixed(2)}, ` +
          `next call estimated at $${estimateUsd.toFixed(4)}; raise the sweep's budget to continue`,
        'budget',
      );
    }
    this.reserved += estimateUsd;
    let isSettled = false;
    return {
      settle: (actualUsd) => {
        if (isSettled) return;
        isSettled = true;
        this.reserved -= estimateUsd;
        this.spent += actualUsd;
      },
    };
  }
}
