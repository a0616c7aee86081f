// The training data of the price domain in the format the HyperLoRA "Janus" pipeline reads
// (DESIGN 11): one JSONL line per decision, and the two tables it derives from them. The zod
// schema is the format's one definition; the writer validates against it and so do the tests.
import { z } from 'zod';

const role = z.enum(['buyer', 'seller']);
const price = z.number().finite();

/** One decision of one agent in one price game (a line of trajectories.jsonl). */
export const janusRecordSchema = z
  .object({
    trajectory_id: z.string().min(1),
    /** 1-based turn of the game (equal to state.timestep). */
    turn: z.number().int().min(1),
    agent: z
      .object({
        /** The deciding rule: a price strategy's name, or "llm" for a model's own decisions. */
        strategy: z.string().min(1),
        /** Its parameters: curve, exponent and exponent convention, margin, model... */
        strategy_params: z.record(z.string(), z.unknown()),
      })
      .strict(),
    state: z
      .object({
        timestep: z.number().int().min(1),
        max_turns: z.number().int().min(1),
        role,
        /** The latest offer made by either side, or null before the first offer. */
        last_offer_price: price.nullable(),
        /** Every offer before this decision, oldest first, as [proposer role, price]. */
        offer_history: z.array(z.tuple([role, price])),
        reservation_price: price,
        /** The public price range [low, high]. */
        price_range: z.tuple([price, price]),
      })
      .strict(),
    action: z
      .object({
        type: z.enum(['OFFER', 'ACCEPT']),
        /** The offered price; null with ACCEPT. */
        price: price.nullable(),
      })
      .strict()
      .refine((a) => (a.type === 'OFFER') === (a.price !== null), {
        message: 'OFFER needs a price and ACCEPT has none',
      }),
    /** True on the last decision of the trajectory. */
    is_terminal: z.boolean(),
    meta: z
      .object({
        buyer_max: price,
        seller_min: price,
        zopa_low: price,
        zopa_high: price,
        zopa_width: price,
        accepted_price: price.nullable(),
        episode_outcome: z
          .object({
            agreement_bool: z.boolean(),
            price: price.nullable(),
            num_turns: z.number().int().min(0),
          })
          .strict(),
      })
      .strict(),
    /** (price - zopa_low) / (zopa_high - zopa_low); -1 with no deal; null for a deal with no zone. */
    rho: z.number().finite().nullable(),
  })
  .strict();

export type JanusRecord = z.infer<typeof janusRecordSchema>;

/** How many earlier offers a decision step keeps (the pipeline's k). */
export const HISTORY_K = 8;

/** Column types of the derived tables, as Parquet writes them (pandas' types for the same data). */
export type ColumnType = 'string' | 'int64' | 'double' | 'bool' | 'string[]' | 'double[]';

export interface ColumnSpec<Row> {
  name: keyof Row & string;
  type: ColumnType;
  nullable: boolean;
}

/** A row of decision_steps: one decision, flattened for training. */
export interface DecisionStepRow {
  trajectory_id: string;
  turn: number;
  role: 'buyer' | 'seller';
  max_turns: number;
  turns_remaining: number;
  reservation_price: number;
  price_low: number;
  price_high: number;
  last_offer_price: number | null;
  history_roles: string[];
  history_prices: number[];
  target_action: 'OFFER' | 'ACCEPT';
  target_price: number | null;
  success: boolean;
  rho_train: number;
}

/** A row of trajectory_outcomes: one game. */
export interface TrajectoryOutcomeRow {
  trajectory_id: string;
  max_turns: number;
  num_turns_observed: number;
  success: boolean;
  accepted_price: number | null;
  rho_outcome: number | null;
  rho_logged: number | null;
}

export const DECISION_STEP_COLUMNS: ColumnSpec<DecisionStepRow>[] = [
  { name: 'trajectory_id', type: 'string', nullable: false },
  { name: 'turn', type: 'int64', nullable: false },
  { name: 'role', type: 'string', nullable: false },
  { name: 'max_turns', type: 'int64', nullable: false },
  { name: 'turns_remaining', type: 'int64', nullable: false },
  { name: 'reservation_price', type: 'double', nullable: false },
  { name: 'price_low', type: 'double', nullable: false },
  { name: 'price_high', type: 'double', nullable: false },
  { name: 'last_offer_price', type: 'double', nullable: true },
  { name: 'history_roles', type: 'string[]', nullable: false },
  { name: 'history_prices', type: 'double[]', nullable: false },
  { name: 'target_action', type: 'string', nullable: false },
  { name: 'target_price', type: 'double', nullable: true },
  { name: 'success', type: 'bool', nullable: false },
  { name: 'rho_train', type: 'double', nullable: false },
];

export const TRAJECTORY_OUTCOME_COLUMNS: ColumnSpec<TrajectoryOutcomeRow>[] = [
  { name: 'trajectory_id', type: 'string', nullable: false },
  { name: 'max_turns', type: 'int64', nullable: false },
  { name: 'num_turns_observed', type: 'int64', nullable: false },
  { name: 'success', type: 'bool', nullable: false },
  { name: 'accepted_price', type: 'double', nullable: true },
  { name: 'rho_outcome', type: 'double', nullable: true },
  { name: 'rho_logged', type: 'double', nullable: true },
];
