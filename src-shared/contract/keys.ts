// The keys domain of the contract: what the UI may know about API keys (never a key itself) and
// the providers' reachability.
import { z } from 'zod';
import { PROVIDERS } from '../participant';
import { noArgs } from './common';

export const KEY_STATES = ['set', 'missing', 'works', 'error'] as const;
export type KeyState = (typeof KEY_STATES)[number];

/** What the UI may know about a key: never the key itself. */
export const keyStatusSchema = z.object({
  provider: z.enum(PROVIDERS),
  status: z.enum(KEY_STATES),
  source: z.enum(['keychain', 'env']).nullable(),
  /** e.g. the env variable name, or the error of a failed test. */
  detail: z.string().nullable(),
  /**
   * Hosts besides the provider's official ones that this key may be sent to (a gateway, a local
   * proxy), as the user allowed them; a model whose baseUrl is elsewhere pauses its games.
   */
  allowedHosts: z.array(z.string()).optional(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const providerStatusEventSchema = z.object({
  provider: z.string(),
  status: z.string(),
  detail: z.string().nullable(),
});
export type ProviderStatusEvent = z.infer<typeof providerStatusEventSchema>;

export const keyRequests = {
  /** Per provider: whether a key is set, works or failed, and where it comes from. */
  'keys:status': { args: noArgs, result: z.array(keyStatusSchema) },
  /** Stores a key in the OS keychain; the key never travels back to the UI. */
  'keys:set': {
    args: z
      .object({
        provider: z.enum(PROVIDERS),
        key: z.string().trim().min(8, 'the key looks too short').max(500),
      })
      .strict(),
    result: keyStatusSchema,
  },
  /**
   * Lets the provider's key go to one more host ("gateway.example.com", "127.0.0.1:8080" or a
   * URL); kept in the config folder beside the keychain, never in a database.
   */
  'keys:allowHost': {
    args: z
      .object({
        provider: z.enum(PROVIDERS),
        host: z.string().trim().min(1, 'name a host').max(255),
      })
      .strict(),
    result: keyStatusSchema,
  },
  /** Makes one cheap authenticated call with the provider's key. */
  'keys:test': {
    args: z.object({ provider: z.enum(PROVIDERS) }).strict(),
    result: keyStatusSchema,
  },
};

export const keyEvents = {
  /** A provider went offline, came back, or needs a key. */
  'provider:status': providerStatusEventSchema,
};
