/** The JSON Schema (draft 2020-12) of a Spec, for editors' YAML support. Generated, never hand-kept. */
import { advisoryFormat } from './format.js';
import type { Spec } from './spec.js';

type JsonSchema = Record<string, unknown>;

export function toJsonSchema(spec: Spec): JsonSchema {
  const base: JsonSchema = spec.description ? { description: spec.description } : {};
  switch (spec.kind) {
    case 'string':
      return {
        ...base,
        type: 'string',
        ...(spec.pattern ? { pattern: spec.pattern.source } : {}),
        ...(spec.format && spec.format !== 'date-or-time' ? { format: spec.format } : {}),
        ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
        ...(spec.markdown ? { contentMediaType: 'text/markdown' } : {}),
        ...(spec.examples ? { examples: spec.examples } : {}),
      };
    case 'integer':
      return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'enum':
      return { ...base, type: 'string', enum: [...spec.values] };
    case 'array':
      return {
        ...base,
        type: 'array',
        items: toJsonSchema(spec.items),
        ...(spec.minItems !== undefined ? { minItems: spec.minItems } : {}),
        ...(spec.maxItems !== undefined ? { maxItems: spec.maxItems } : {}),
      };
    case 'object': {
      const required = Object.entries(spec.fields)
        .filter(([, f]) => f.required)
        .map(([k]) => k);
      return {
        ...base,
        type: 'object',
        properties: Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, toJsonSchema(f.spec)])),
        ...(required.length ? { required } : {}),
        additionalProperties: false,
      };
    }
    case 'map':
      return { ...base, type: 'object', propertyNames: { pattern: spec.keyPattern.source }, additionalProperties: toJsonSchema(spec.values) };
    case 'oneOf':
      return { ...base, oneOf: spec.options.map(toJsonSchema) };
  }
}

export function advisoryJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://example.org/advisory/advisory.schema.json',
    title: 'Travel advisory',
    ...toJsonSchema(advisoryFormat),
  };
}
