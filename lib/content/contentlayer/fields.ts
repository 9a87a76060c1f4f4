import { z } from 'zod'
import type { FieldDef, ListFieldDefItem, NestedType } from 'contentlayer2/source-files'

type JsonSchema = z.core.JSONSchema.JSONSchema
type Scalar =
  ListFieldDefItem.ItemString | ListFieldDefItem.ItemNumber | ListFieldDefItem.ItemBoolean | ListFieldDefItem.ItemEnum

/** A scalar's Contentlayer type, or undefined for anything else (objects, lists). */
function scalarOf(schema: JsonSchema | boolean | undefined): Scalar | undefined {
  if (typeof schema !== 'object') return undefined
  if (schema.enum) return { type: 'enum', options: schema.enum.map(String) }
  if (schema.type === 'string') return { type: 'string' }
  if (schema.type === 'integer' || schema.type === 'number') return { type: 'number' }
  if (schema.type === 'boolean') return { type: 'boolean' }
  return undefined
}

function fieldOf(property: JsonSchema | boolean, nested: NestedType | undefined): FieldDef {
  const scalar = scalarOf(property)
  if (scalar) return scalar
  if (typeof property === 'object' && property.type === 'array' && !Array.isArray(property.items)) {
    if (nested) return { type: 'list', of: nested }
    const item = scalarOf(property.items)
    if (item) return { type: 'list', of: item }
  }
  return { type: 'json' }
}

/**
 * Contentlayer's field definitions read off a zod object schema, so that the two cannot disagree:
 * each field's type, required where the schema requires it. Contentlayer checks only these types;
 * the config holds every file to the schema itself. A list of objects is the nested type named in
 * `nested`, or plain JSON.
 */
export function fieldsOf(schema: z.ZodObject, nested: Record<string, NestedType> = {}): Record<string, FieldDef> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  const required = new Set(json.required ?? [])
  return Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([name, property]) => {
      const field = fieldOf(property, nested[name])
      return [name, required.has(name) ? { ...field, required: true } : field]
    }),
  )
}
