import { z } from "zod";

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  [keyword: string]: unknown;
};

/**
 * A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Requests are described as clients
 * send them (before transforms), responses as we send them.
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  // The dialect is declared once for the whole OpenAPI document, not per schema.
  delete generated.$schema;
  return generated;
}

export type FieldDoc = { name: string; type: string; required: boolean; description: string; rules: string[] };

function typeName(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeName).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any JSON";
}

function rulesOf(schema: JsonSchema): string[] {
  const rules: string[] = [];
  if (schema.minLength !== undefined && schema.minLength > 1) rules.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) rules.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) rules.push(`≤ ${schema.maximum}`);
  if (schema.type === "integer") rules.push("whole number");
  if (schema.pattern) rules.push(`matches /${schema.pattern}/`);
  return rules;
}

/** The fields of an object schema, nested objects flattened to dotted names, for the docs tables. */
export function fieldsOf(schema: JsonSchema, prefix = ""): FieldDoc[] {
  const fields: FieldDoc[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const fullName = `${prefix}${name}`;
    fields.push({
      name: fullName,
      type: property.properties ? "object" : typeName(property),
      required: (schema.required ?? []).includes(name),
      description: property.description ?? "",
      rules: rulesOf(property),
    });
    if (property.properties) fields.push(...fieldsOf(property, `${fullName}.`));
  }
  return fields;
}
