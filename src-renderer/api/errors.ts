import type { ContractError } from '../../src-shared/contract';
import type { SweepIssue } from '../../src-shared/sweep';

/** A request the host refused; `issues` name fields when the arguments were the problem. */
export class RequestFailed extends Error {
  readonly issues: SweepIssue[];
  readonly channel: string;
  constructor(channel: string, error: ContractError) {
    super(error.message);
    this.name = 'RequestFailed';
    this.issues = error.issues ?? [];
    this.channel = channel;
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
