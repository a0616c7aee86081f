// Model names in published files ("claude-4-sonnet", "llama-3-1-405b") mapped onto registry
// entries. Names match when their word sets agree after dropping a vendor prefix, a trailing date
// and filler words; a name that matches no entry, or several, is kept verbatim.
import type { LlmSpec, ParticipantSpec } from '../../src-shared/participant';
import type { RegistryModel } from '../registry/registry';

const FILLER = new Set(['instruct', 'chat', 'latest', 'preview', 'hf']);
const ID_PATTERN = /^[A-Za-z0-9._:/@+-]+$/;

/** The word set of a model name, e.g. "meta-llama/Llama-3.1-405B-Instruct" -> 3 1 405b llama. */
export function modelWords(name: string): string {
  const base = name
    .trim()
    .toLowerCase()
    .replace(/^[^/]*\//, '')
    .replace(/[-_ ]?(\d{8}|\d{4}-\d{2}-\d{2})$/, '')
    .replace(/\(.*?\)/g, ' ');
  const words = base
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !FILLER.has(w))
    .sort();
  return words.join(' ');
}

export interface ModelMatcher {
  /** The participant for a published model name: the registry entry, or a verbatim spec. */
  participant(name: string): ParticipantSpec;
}

/** Builds the matcher over the registry's ids and display names. */
export function createModelMatcher(registry: readonly RegistryModel[]): ModelMatcher {
  const byId = new Map(registry.map((m) => [m.spec.id.toLowerCase(), m.spec]));
  const byWords = new Map<string, Set<LlmSpec>>();
  const add = (key: string, spec: LlmSpec) => {
    if (key === '') return;
    const set = byWords.get(key) ?? new Set<LlmSpec>();
    set.add(spec);
    byWords.set(key, set);
  };
  for (const m of registry) {
    add(modelWords(m.spec.id), m.spec);
    add(modelWords(m.spec.model), m.spec);
    if (m.spec.displayName) add(modelWords(m.spec.displayName), m.spec);
  }
  return {
    participant(name) {
      const exact = byId.get(name.trim().toLowerCase());
      if (exact) return exact;
      const candidates = byWords.get(modelWords(name));
      if (candidates && candidates.size === 1) return [...candidates][0];
      return verbatim(name);
    },
  };
}

/** A model Parley does not know: kept under its published name, never run. */
function verbatim(name: string): ParticipantSpec {
  const trimmed = name.trim();
  const id = ID_PATTERN.test(trimmed) ? trimmed : trimmed.replace(/[^A-Za-z0-9._:/@+-]+/g, '_');
  return {
    id,
    kind: 'llm',
    displayName: trimmed,
    provider: 'local',
    model: trimmed,
    scores: {},
  };
}
