// Structured replies (DESIGN 5): the reply shape an action's zod schema describes, sent as a
// forced Anthropic tool or an OpenAI strict JSON schema, and the reply object read back into what
// the same zod schema parses. Providers without either keep plain text, parsed by parse.ts.
import { z } from 'zod';
import { defaultOutputMode, type LlmSpec, type OutputMode } from '../../../src-shared/participant';
import type { Action } from '../../engine/agent';
import type { StructuredOutput } from '../../providers/types';

type Json = Record<string, unknown>;

// The provider's default (src-shared, so the renderer's model form shows the same one).
export { defaultOutputMode } from '../../../src-shared/participant';

/**
 * The output mode `spec` runs with: its own setting, else the provider's default. Anthropic
 * offers 'tool' only, the OpenAI-compatible providers 'json_schema' only; the other is an error.
 */
export function outputModeOf(spec: LlmSpec): OutputMode {
  const mode = spec.structuredOutput ?? defaultOutputMode(spec.provider);
  const isAnthropic = spec.provider === 'anthropic';
  if ((mode === 'tool' && !isAnthropic) || (mode === 'json_schema' && isAnthropic)) {
    throw new Error(
      `model ${spec.id}: structuredOutput "${mode}" is not available for provider ${spec.provider}; use "${isAnthropic ? 'tool' : 'json_schema'}" or "none"`,
    );
  }
  return mode;
}

/**
 * How a strict reply maps back: 'json' fields carry a free-form value as JSON text (strict
 * schemas cannot say "any value"); optional fields are required-but-nullable, null meaning absent.
 */
type Plan =
  | { kind: 'json' }
  | { kind: 'leaf' }
  | { kind: 'array'; items: Plan }
  | { kind: 'object'; props: Record<string, { plan: Plan; optional: boolean }> };

/** Keywords OpenAI's strict mode does not accept; the zod schema still checks them on parse. */
const DROPPED = new Set(['$schema', 'default', 'minLength', 'maxLength']);

/** A node that says nothing about its value (zod's unknown/custom). */
function isAnyValue(node: Json): boolean {
  return !('type' in node) && !('anyOf' in node) && !('enum' in node) && !('const' in node);
}

function strictify(node: Json): { schema: Json; plan: Plan } {
  if (isAnyValue(node)) {
    const description = [node.description, 'the value written as JSON text']
      .filter(Boolean)
      .join('; ');
    return { schema: { type: 'string', description }, plan: { kind: 'json' } };
  }
  const schema: Json = {};
  for (const [k, v] of Object.entries(node)) if (!DROPPED.has(k)) schema[k] = v;
  if (node.type === 'object' && typeof node.properties === 'object' && node.properties !== null) {
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    const properties: Json = {};
    const props: Record<string, { plan: Plan; optional: boolean }> = {};
    for (const [key, child] of Object.entries(node.properties as Record<string, Json>)) {
      const inner = strictify(child);
      const optional = !required.has(key);
      properties[key] = optional ? { anyOf: [inner.schema, { type: 'null' }] } : inner.schema;
      props[key] = { plan: inner.plan, optional };
    }
    schema.properties = properties;
    schema.required = Object.keys(properties);
    schema.additionalProperties = false;
    return { schema, plan: { kind: 'object', props } };
  }
  if (node.type === 'array' && typeof node.items === 'object' && node.items !== null) {
    const inner = strictify(node.items as Json);
    schema.items = inner.schema;
    return { schema, plan: { kind: 'array', items: inner.plan } };
  }
  return { schema, plan: { kind: 'leaf' } };
}

/** The JSON Schema of what `schema` accepts after its preprocessing, without `$schema`. */
function outputJsonSchema(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
  delete json.$schema;
  return json;
}

/** The reply shape of one structured request, with what decoding its reply needs. */
export interface StructuredPlan {
  output: StructuredOutput;
  decode(value: unknown): unknown;
}

/**
 * The structured request for `action` in `mode`, or undefined where the action reads its own
 * text format (`action.parse`) or the mode is 'none'. 'tool': the output schema as the forced
 * tool's input_schema (free-form fields stay free). 'json_schema': the strict-compatible form
 * (every object closed and fully required, optional fields nullable, free-form fields as JSON text).
 */
export function structuredPlan(action: Action, mode: OutputMode): StructuredPlan | undefined {
  if (mode === 'none' || action.parse) return undefined;
  const name = `${action.kind.replace(/[^A-Za-z0-9_-]/g, '_')}_reply`;
  const base = outputJsonSchema(action.schema);
  if (base.type !== 'object') return undefined;
  if (mode === 'tool') {
    return { output: { mode, name, schema: base }, decode: (v) => v };
  }
  const { schema, plan } = strictify(base);
  return { output: { mode, name, schema }, decode: (v) => decode(v, plan) };
}

function decode(value: unknown, plan: Plan): unknown {
  switch (plan.kind) {
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        // Left as text: the zod schema or the game's check names what is wrong with it.
        return value;
      }
    case 'array':
      return Array.isArray(value) ? value.map((v) => decode(v, plan.items)) : value;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Json = {};
      for (const [key, v] of Object.entries(value as Json)) {
        const prop = plan.props[key];
        if (prop?.optional && v === null) continue;
        out[key] = prop ? decode(v, prop.plan) : v;
      }
      return out;
    }
    case 'leaf':
      return value;
  }
}
