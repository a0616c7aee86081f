// The app domain of the contract: what the UI learns about the engine it talks to.
import { z } from 'zod';
import { noArgs } from './common';

export const appInfoSchema = z.object({
  name: z.literal('Parley'),
  version: z.string(),
  /** Which transport the UI talks through. */
  mode: z.enum(['desktop', 'web']),
  /** The database file the engine uses. */
  dbPath: z.string(),
  sweepCount: z.number(),
  /** False while no sweep runner is attached (read-only browsing of a database). */
  canRun: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appRequests = {
  /** Version, transport, database path and whether sweeps can be run. */
  'app:info': { args: noArgs, result: appInfoSchema },
};
