/**
 * A small validator for the OpenAPI 3.0 subset of JSON Schema used by VTEX's specs: local `$ref`
 * (`#/components/...`), `type` (incl. `integer`), `properties`, `required`, `items`, `enum`, `nullable`,
 * `oneOf`/`anyOf`/`allOf` and `additionalProperties` (boolean or schema). `format`, `pattern`, lengths and
 * ranges are not checked: the contract is the shape (fields, types, requiredness), not the values.
 */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  [key: string]: unknown;
};

export interface ValidationError {
  /** JSONPath-like location in the instance, e.g. `$.items[0].price`. */
  path: string;
  message: string;
}

export interface OpenApiDocument {
  openapi?: string;
  paths: Record<string, Record<string, {responses?: Record<string, unknown>; requestBody?: unknown}>>;
  components?: Record<string, Record<string, unknown>>;
}

/** Follows a local JSON pointer such as `#/components/schemas/OrderForm`. */
export function resolveRef(doc: unknown, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node))
      throw new Error(`Unresolvable $ref: ${ref}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node as Schema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

const MAX_DEPTH = 64;

/** Validates `value` against `schema` (resolving refs in `doc`); returns every error found. */
export function validate(
  doc: unknown,
  schema: Schema,
  value: unknown,
  path = '$',
  depth = 0,
): ValidationError[] {
  if (depth > MAX_DEPTH) return [{path, message: 'schema nesting too deep (cyclic $ref?)'}];
  if (schema.$ref) return validate(doc, resolveRef(doc, schema.$ref), value, path, depth + 1);
  const errors: ValidationError[] = [];

  if (value === null) {
    // OpenAPI 3.0: null is valid only with `nullable: true` (or an explicit "null" type / enum entry).
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (schema.nullable || types.includes('null') || schema.enum?.includes(null)) return errors;
    if (types.length) return [{path, message: `is null but the schema (${types.join('|')}) is not nullable`}];
    // No type: an unconstrained schema accepts null; enum and combinators below still apply.
  }

  if (schema.type !== undefined && value !== null) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      return [{path, message: `expected ${types.join('|')}, got ${typeOf(value)}`}];
    }
  }

  if (
    schema.enum &&
    !schema.enum.some(
      (e) =>
        e === value || (e !== null && typeof e === 'object' && JSON.stringify(e) === JSON.stringify(value)),
    )
  ) {
    errors.push({path, message: `${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`});
  }

  if (schema.allOf) {
    for (const s of schema.allOf) errors.push(...validate(doc, s, value, path, depth + 1));
  }
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => validate(doc, s, value, path, depth + 1));
    if (!results.some((r) => r.length === 0)) {
      errors.push({
        path,
        message: `matches none of anyOf (${results.map((r) => r[0]?.message ?? '').join(' / ')})`,
      });
    }
  }
  if (schema.oneOf) {
    const results = schema.oneOf.map((s) => validate(doc, s, value, path, depth + 1));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing !== 1) {
      errors.push({
        path,
        message:
          passing === 0
            ? `matches none of oneOf (${results.map((r) => r[0]?.message ?? '').join(' / ')})`
            : `matches ${passing} schemas of oneOf, exactly one expected`,
      });
    }
  }

  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in obj)) errors.push({path: `${path}.${key}`, message: 'is required but missing'});
    }
    const props = schema.properties ?? {};
    for (const [key, v] of Object.entries(obj)) {
      const sub = props[key];
      if (sub) errors.push(...validate(doc, sub, v, `${path}.${key}`, depth + 1));
      else if (schema.additionalProperties === false)
        errors.push({path: `${path}.${key}`, message: 'is not allowed (additionalProperties: false)'});
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...validate(doc, schema.additionalProperties, v, `${path}.${key}`, depth + 1));
      }
    }
  }

  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      errors.push(...validate(doc, schema.items!, item, `${path}[${i}]`, depth + 1)),
    );
  }
  return errors;
}

/** The JSON response schema for path template + method + status in an OpenAPI document. */
export function responseSchema(
  doc: OpenApiDocument,
  pathTemplate: string,
  method: string,
  status: number | string,
): Schema {
  const op = doc.paths[pathTemplate]?.[method.toLowerCase()];
  if (!op) throw new Error(`No operation ${method.toUpperCase()} ${pathTemplate} in the spec`);
  let response = op.responses?.[String(status)] as Record<string, unknown> | undefined;
  if (!response) throw new Error(`No ${status} response for ${method.toUpperCase()} ${pathTemplate}`);
  if (typeof response.$ref === 'string') response = resolveRef(doc, response.$ref) as Record<string, unknown>;
  const content = response.content as Record<string, {schema?: Schema}> | undefined;
  const json = content && Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  if (!json?.schema) throw new Error(`No JSON schema for ${status} ${method.toUpperCase()} ${pathTemplate}`);
  return json.schema;
}

/** The JSON request-body schema of path template + method, or undefined when the operation declares none. */
export function requestSchema(
  doc: OpenApiDocument,
  pathTemplate: string,
  method: string,
): Schema | undefined {
  const op = doc.paths[pathTemplate]?.[method.toLowerCase()];
  if (!op) throw new Error(`No operation ${method.toUpperCase()} ${pathTemplate} in the spec`);
  let body = op.requestBody as Record<string, unknown> | undefined;
  if (body && typeof body.$ref === 'string') body = resolveRef(doc, body.$ref) as Record<string, unknown>;
  const content = body?.content as Record<string, {schema?: Schema}> | undefined;
  return content && Object.entries(content).find(([type]) => type.includes('json'))?.[1]?.schema;
}

/**
 * The spec's path template for a concrete path, e.g. `/api/checkout/pub/orderForm/{orderFormId}/items` for
 * `/api/checkout/pub/orderForm/abc…/items`; among several matches the one with most literal segments wins.
 * A `{facets}` parameter matches any number of segments.
 */
export function findTemplate(doc: OpenApiDocument, path: string, method: string): string | undefined {
  let best: {template: string; literals: number} | undefined;
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!ops[method.toLowerCase()]) continue;
    const parts = template.split('/');
    const re = new RegExp(
      '^' +
        parts
          .map((p) =>
            p === '{facets}'
              ? '.*'
              : /^\{[^}]+\}$/.test(p)
                ? '[^/]+'
                : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/') +
        '/?$',
    );
    if (!re.test(path)) continue;
    const literals = parts.filter((p) => p && !p.startsWith('{')).length;
    if (!best || literals > best.literals) best = {template, literals};
  }
  return best?.template;
}

/** Generalises an instance path for exception matching: array indices become `[*]`. */
export function wildcardPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}
