/**
 * Contract validation against Cloudflare's OpenAPI document (the 15 token-related paths).
 *
 * The document (vendored in data/, see data/README.md) is OpenAPI 3.0.3: ajv runs with
 * strict:false so `example`, `x-*` and other annotations are ignored, `nullable` is honoured
 * (ajv supports it natively), and ajv-formats checks date-time, email and hostname.
 * OpenAPI's readOnly rule is applied to requests: a readOnly property that a schema lists as
 * required (policies[].id, for instance) is required in responses only, so request bodies
 * are checked against a copy of the schemas without those requirements.
 *
 * Keyflare's own tests can call validateRequestBody() to check a body they are about to send.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface SchemaCheck {
  valid: boolean;
  errors: string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Operation {
  method: HttpMethod;
  path: string;
  operationId: string;
  requestBody: { required: boolean; schema: JsonObject | null } | null;
  /** Response schemas keyed by status pattern as written: '200', '4XX', 'default'. */
  responses: Map<string, JsonObject>;
}

const DOC_ID = 'cloudflare-openapi.json';
const API_PREFIX = '/client/v4';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Operations whose schema says "body required" but whose official SDK call sends none:
 * `client.user.tokens.value.update(id)` rolls with an empty PUT, and Cloudflare accepts it.
 */
const BODY_OPTIONAL_IN_PRACTICE = new Set([
  'PUT /user/tokens/{token_id}/value',
  'PUT /accounts/{account_id}/tokens/{token_id}/value',
]);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops examples and vendor extensions (they are not schema keywords). */
function clean(node: Json): Json {
  if (Array.isArray(node)) return node.map(clean);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    out[key] = clean(value);
  }
  return out;
}

/** Points local refs (#/components/...) at the registered document. */
function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOC_ID}${value}`
        : rewriteRefs(value);
  }
  return out;
}

/** Copy of the schemas where readOnly properties are not required (OpenAPI request semantics). */
function withoutReadOnlyRequired(node: Json, schemas: JsonObject): Json {
  if (Array.isArray(node)) return node.map((item) => withoutReadOnlyRequired(item, schemas));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = withoutReadOnlyRequired(value, schemas);
  const required = node['required'];
  const properties = node['properties'];
  if (Array.isArray(required) && isObject(properties)) {
    out['required'] = required.filter(
      (name) => typeof name !== 'string' || !isReadOnly(properties[name], schemas, 0),
    );
  }
  return out;
}

function isReadOnly(schema: Json | undefined, schemas: JsonObject, depth: number): boolean {
  if (!isObject(schema) || depth > 10) return false;
  if (schema['readOnly'] === true) return true;
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return isReadOnly(schemas[ref.slice('#/components/schemas/'.length)], schemas, depth + 1);
  }
  return false;
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.keyword === 'additionalProperties' ? ` (${JSON.stringify(error.params)})` : '';
  return `${where} ${error.message ?? error.keyword}${params} [${error.schemaPath}]`;
}

class ContractValidator {
  private readonly operations = new Map<string, Operation>();
  private readonly responseAjv: Ajv;
  private readonly requestAjv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: JsonObject) {
    const components = isObject(document['components']) ? document['components'] : {};
    const schemas = isObject(components['schemas']) ? components['schemas'] : {};
    this.responseAjv = this.makeAjv({ $id: DOC_ID, components: { schemas } });
    this.requestAjv = this.makeAjv({
      $id: DOC_ID,
      components: { schemas: withoutReadOnlyRequired(schemas, schemas) },
    });
    const paths = isObject(document['paths']) ? document['paths'] : {};
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method.toLowerCase()];
        if (!isObject(op)) continue;
        this.operations.set(`${method} ${path}`, this.readOperation(method, path, op, schemas));
      }
    }
  }

  private makeAjv(root: JsonObject): Ajv {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema(root);
    return ajv;
  }

  private readOperation(method: HttpMethod, path: string, op: JsonObject, schemas: JsonObject): Operation {
    let requestBody: Operation['requestBody'] = null;
    const body = op['requestBody'];
    if (isObject(body)) {
      const content = isObject(body['content']) ? body['content'] : {};
      const json = content['application/json'];
      const schema = isObject(json) && isObject(json['schema']) ? json['schema'] : null;
      requestBody = {
        required: body['required'] === true,
        schema: schema ? (withoutReadOnlyRequired(schema, schemas) as JsonObject) : null,
      };
    }
    const responses = new Map<string, JsonObject>();
    const responseMap = isObject(op['responses']) ? op['responses'] : {};
    for (const [status, response] of Object.entries(responseMap)) {
      if (!isObject(response) || !isObject(response['content'])) continue;
      const json = response['content']['application/json'];
      if (isObject(json) && isObject(json['schema'])) responses.set(status, json['schema']);
    }
    return {
      method,
      path,
      operationId: typeof op['operationId'] === 'string' ? op['operationId'] : `${method} ${path}`,
      requestBody,
      responses,
    };
  }

  operation(method: string, template: string): Operation | undefined {
    return this.operations.get(`${method.toUpperCase()} ${normaliseTemplate(template)}`);
  }

  list(): Operation[] {
    return [...this.operations.values()];
  }

  private validator(cacheKey: string, ajv: Ajv, schema: JsonObject): ValidateFunction {
    let fn = this.compiled.get(cacheKey);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema) as JsonObject);
      this.compiled.set(cacheKey, fn);
    }
    return fn;
  }

  checkRequest(method: string, template: string, body: unknown): SchemaCheck {
    const op = this.requireOperation(method, template);
    const key = `${op.method} ${op.path}`;
    if (!op.requestBody) {
      return body === undefined
        ? { valid: true, errors: [] }
        : { valid: false, errors: [`${key} takes no request body`] };
    }
    // "required" with no schema (DELETE token) describes nothing checkable; the SDK sends no body.
    if (!op.requestBody.schema) return { valid: true, errors: [] };
    if (body === undefined) {
      const optional = !op.requestBody.required || BODY_OPTIONAL_IN_PRACTICE.has(key);
      return optional
        ? { valid: true, errors: [] }
        : { valid: false, errors: ['(root) request body is required'] };
    }
    const validate = this.validator(`request ${key}`, this.requestAjv, op.requestBody.schema);
    const valid = validate(body);
    return { valid, errors: valid ? [] : (validate.errors ?? []).map(formatError) };
  }

  checkResponse(method: string, template: string, status: number, body: unknown): SchemaCheck | null {
    const op = this.requireOperation(method, template);
    const statusKey = [String(status), `${String(status)[0] ?? ''}XX`, 'default'].find((k) =>
      op.responses.has(k),
    );
    const schema = statusKey === undefined ? undefined : op.responses.get(statusKey);
    if (!schema || statusKey === undefined) return null;
    const validate = this.validator(
      `response ${op.method} ${op.path} ${statusKey}`,
      this.responseAjv,
      schema,
    );
    const valid = validate(body);
    return { valid, errors: valid ? [] : (validate.errors ?? []).map(formatError) };
  }

  private requireOperation(method: string, template: string): Operation {
    const op = this.operation(method, template);
    if (!op)
      throw new Error(
        `No operation ${method.toUpperCase()} ${normaliseTemplate(template)} in the OpenAPI document`,
      );
    return op;
  }
}

/** `/client/v4/user/tokens/` -> `/user/tokens` */
export function normaliseTemplate(template: string): string {
  const withoutPrefix = template.startsWith(API_PREFIX) ? template.slice(API_PREFIX.length) : template;
  return withoutPrefix.length > 1 ? withoutPrefix.replace(/\/+$/u, '') : withoutPrefix;
}

let instance: ContractValidator | undefined;

function contract(): ContractValidator {
  if (!instance) {
    const file = fileURLToPath(new URL('./data/openapi-tokens-subset.json', import.meta.url));
    const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isObject(document as Json)) throw new Error(`${file} is not an OpenAPI document`);
    instance = new ContractValidator(clean(document as Json) as JsonObject);
  }
  return instance;
}

/**
 * Validates a request body against the operation's requestBody schema.
 * `pathTemplate` is the OpenAPI path, with or without /client/v4 (e.g. '/user/tokens/{token_id}').
 * `body` undefined means "no body sent". Throws for operations the document does not have.
 */
export function validateRequestBody(method: string, pathTemplate: string, body: unknown): SchemaCheck {
  return contract().checkRequest(method, pathTemplate, body);
}

/** Validates a response body against the schema for its status ('200', then '4XX'); null when none applies. */
export function validateResponseBody(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): SchemaCheck | null {
  return contract().checkResponse(method, pathTemplate, status, body);
}

/** Whether the document has this operation. */
export function hasOperation(method: string, pathTemplate: string): boolean {
  return contract().operation(method, pathTemplate) !== undefined;
}

/** Every operation of the document as "METHOD /path". */
export function listOperations(): string[] {
  return contract()
    .list()
    .map((op) => `${op.method} ${op.path}`);
}
