// Simulated provider prompt caches for the mock LLM server. Token counts are a deterministic
// approximation (ceil(chars / 4)); cache hits follow each provider's published semantics.
import { createHash } from 'node:crypto';

/** Deterministic token approximation used everywhere in the mock. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A bounded set of prefix hashes, evicting the least recently used. */
export class PrefixLru {
  private readonly entries = new Map<string, true>();
  constructor(private readonly capacity: number) {}

  has(hash: string): boolean {
    if (!this.entries.has(hash)) return false;
    this.entries.delete(hash);
    this.entries.set(hash, true);
    return true;
  }

  add(hash: string): void {
    this.entries.delete(hash);
    this.entries.set(hash, true);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

function chain(previous: string, part: string): string {
  return createHash('sha256').update(previous).update('\u0000').update(part).digest('hex');
}

export interface CacheBlock {
  role: string;
  text: string;
  /** The block carries a `cache_control` breakpoint. */
  isBreakpoint: boolean;
}

export interface AnthropicCacheUsage {
  inputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
}

/** How far before a breakpoint Anthropic looks for an earlier cached prefix (in blocks). */
const LOOKBACK_BLOCKS = 20;

/**
 * Anthropic semantics: the prefix up to each `cache_control` breakpoint is written to the
 * cache (cache_creation tokens) unless already there; the longest previously cached prefix
 * ending at a block boundary within 20 blocks before a breakpoint is read (cache_read tokens);
 * everything after the last breakpoint is ordinary input. Prefixes shorter than
 * `minTokens` are never cached (1024 for most Claude models).
 */
export function anthropicCache(
  lru: PrefixLru,
  model: string,
  blocks: readonly CacheBlock[],
  minTokens: number,
): AnthropicCacheUsage {
  const hashes: string[] = [];
  const cumulative: number[] = [];
  let hash = `anthropic:${model}`;
  let tokens = 0;
  for (const block of blocks) {
    hash = chain(hash, `${block.role}\u0001${block.text}`);
    tokens += countTokens(block.text);
    hashes.push(hash);
    cumulative.push(tokens);
  }
  const breakpoints = blocks.flatMap((b, i) => (b.isBreakpoint ? [i] : []));
  const cacheable = breakpoints.filter((i) => cumulative[i] >= minTokens);
  if (cacheable.length === 0) {
    return { inputTokens: tokens, cacheCreationTokens: 0, cacheReadTokens: 0 };
  }
  let readIndex = -1;
  for (const bp of cacheable) {
    for (let j = bp; j >= Math.max(0, bp - LOOKBACK_BLOCKS + 1); j--) {
      if (j > readIndex && cumulative[j] >= minTokens && lru.has(hashes[j])) {
        readIndex = j;
        break;
      }
    }
  }
  const last = cacheable[cacheable.length - 1];
  const read = readIndex >= 0 ? cumulative[readIndex] : 0;
  for (const bp of cacheable) lru.add(hashes[bp]);
  return {
    inputTokens: tokens - cumulative[last],
    cacheCreationTokens: cumulative[last] - read,
    cacheReadTokens: read,
  };
}

/** OpenAI caches prompt prefixes in chunks of 128 tokens once a prompt reaches 1024 tokens. */
const OPENAI_CHUNK_TOKENS = 128;
const OPENAI_MIN_TOKENS = 1024;
const CHARS_PER_TOKEN = 4;

/**
 * OpenAI semantics (automatic caching): `cached_tokens` is the longest previously seen prefix
 * of this prompt, in whole 128-token chunks, counted only from 1024 tokens up.
 */
export function openaiCache(lru: PrefixLru, model: string, serialized: string): number {
  const chunkChars = OPENAI_CHUNK_TOKENS * CHARS_PER_TOKEN;
  const chunks = Math.floor(serialized.length / chunkChars);
  const minChunks = OPENAI_MIN_TOKENS / OPENAI_CHUNK_TOKENS;
  let hash = `openai:${model}`;
  let cachedChunks = 0;
  const seen: string[] = [];
  for (let k = 1; k <= chunks; k++) {
    hash = chain(hash, serialized.slice((k - 1) * chunkChars, k * chunkChars));
    if (k >= minChunks) {
      if (lru.has(hash)) cachedChunks = k;
      seen.push(hash);
    }
  }
  for (const h of seen) lru.add(h);
  return cachedChunks >= minChunks ? cachedChunks * OPENAI_CHUNK_TOKENS : 0;
}
