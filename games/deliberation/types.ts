// Data of a multi-party deliberation game (DESIGN 3.6), as read from a game folder in the
// published LLM-Deliberation format. Plain data: it crosses the contract and is stored as is.

/** Roles of the published format: p1 opens and makes the final deal; p1 and p2 hold vetoes. */
export const DELIBERATION_ROLES = ['p1', 'p2', 'target', 'player'] as const;
export type DeliberationRole = (typeof DELIBERATION_ROLES)[number];

/** Incentives of the published format; adversarial parties score 150 when no deal passes. */
export const DELIBERATION_INCENTIVES = [
  'cooperative',
  'greedy',
  'untargeted_adv',
  'targeted_adv',
] as const;
export type DeliberationIncentive = (typeof DELIBERATION_INCENTIVES)[number];

/** An issue: its letter (A, B, ...) and how many options (A1..An) it has. */
export interface DeliberationIssue {
  letter: string;
  options: number;
}

/** One party (one config.txt line) with its private scores and minimum. */
export interface DeliberationParty {
  /** The name as written in config.txt and quoted in global_instructions.txt. */
  name: string;
  /** The file stem shared by scores_files/ and individual_instructions/<incentive>/. */
  file: string;
  role: DeliberationRole;
  incentive: DeliberationIncentive;
  /** The model column of config.txt (a sweep may assign another). */
  model: string;
  /** scores[issue][option]: this party's score of each option. */
  scores: number[][];
  /** Minimum total score this party accepts. */
  minimum: number;
  /**
   * Individual instructions per incentive with the score placeholders filled in; every
   * incentive whose file exists for this party (the configured one always does).
   */
  instructions: Partial<Record<DeliberationIncentive, string>>;
}

/** A whole game folder, parsed. Parties are in config.txt order. */
export interface DeliberationGame {
  /** global_instructions.txt as published (names not yet marked "represented by you"). */
  globalInstructions: string;
  issues: DeliberationIssue[];
  /** initial_deal.txt: option index (0-based) per issue. */
  initialDeal: number[];
  parties: DeliberationParty[];
}

/** A deal: one option index (0-based) per issue. */
export type Deal = number[];

/** The files of a folder by path relative to it ('config.txt', 'scores_files/DoT.txt', ...). */
export type GameFolderFiles = Record<string, string>;
