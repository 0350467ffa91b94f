import { z } from 'zod';
import { ERROR_CODES } from '@/lib/domain/error-codes';
import { type AnyEndpoint, METHODS } from '../http';
import { ROUTE_MODULES } from './manifest';
import { API_VERSION } from './version';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'openapi-3.0',
  }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    // A parameter's own description is what viewers show beside it.
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const errorSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', example: 'error' },
    code: { type: 'string' },
    error: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'object', properties: { trace_id: { type: 'string' } }, additionalProperties: true },
    timestamp: { type: 'string', format: 'date-time' },
  },
  required: ['status', 'code', 'message', 'details', 'timestamp'],
};

/** The error answer of one status: the standard format, its `code` one of those the API uses for that status. */
const errorName = (status: string) => (status in ERROR_CODES ? `Error${status}` : 'Error');
const errorContent = (status: number | string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${errorName(String(status))}` } },
});
const errorSchemas = Object.fromEntries(
  Object.entries(ERROR_CODES).map(([status, codes]) => [
    `Error${status}`,
    { ...errorSchema, properties: { ...errorSchema.properties, code: { type: 'string', enum: [...codes] } } },
  ]),
);

/** The documented responses of an endpoint: its success status, invalid input, authentication, its own extras. */
function responsesOf(method: string, ep: AnyEndpoint): Record<string, unknown> {
  const success = String(ep.status ?? (method === 'POST' ? 201 : 200));
  // JSON (`output`) and media types (`produces`) may both be documented: an option such as format=csv picks one.
  const media = {
    ...(ep.output ? { 'application/json': { schema: jsonSchema(ep.output, 'output') } } : {}),
    ...Object.fromEntries([ep.produces ?? []].flat().map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  };
  const content = Object.keys(media).length ? media : undefined;
  const responses: Record<string, unknown> = {
    [success]:
      success !== '204' && content
        ? { description: 'Success', content }
        : { description: success === '204' ? 'No content' : 'Success' },
    400: { description: 'Invalid input', content: errorContent(400) },
  };
  if ((ep.auth ?? 'user') !== 'public') responses[401] = { description: 'Not authenticated', content: errorContent(401) };
  for (const [code, description] of Object.entries(ep.responses ?? {}))
    responses[code] = { description, content: errorContent(code) };
  return responses;
}

/** One OpenAPI operation from an endpoint's zod schemas and options. */
function operationOf(method: string, path: string, ep: AnyEndpoint, tags: string[]): Record<string, unknown> {
  const op: Record<string, unknown> = {
    summary: ep.summary,
    description: ep.description,
    tags,
    operationId: `${method.toLowerCase()}_${path.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
    parameters: [...parameters(ep.params, 'path'), ...parameters(ep.query, 'query')],
    responses: responsesOf(method, ep),
    security:
      ep.auth === 'public'
        ? []
        : ep.auth === 'apiKey'
          ? [{ apiKey: [] }]
          : ep.auth === 'apiKeyOrUser'
            ? [{ apiKey: [] }, { bearer: [] }, { cookie: [] }]
            : [{ bearer: [] }, { cookie: [] }],
  };
  if (ep.body) {
    op.requestBody = {
      required: true,
      content: { [ep.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json']: { schema: jsonSchema(ep.body) } },
    };
  }
  return op;
}

/** OpenAPI 3 for every route file, from the zod schemas the route wrapper validates with. */
export async function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  for (const r of ROUTE_MODULES) {
    const mod = await r.load();
    for (const method of METHODS) {
      const ep = (mod[method] as { endpoint?: AnyEndpoint } | undefined)?.endpoint;
      if (!ep) continue;
      const service = r.path.split('/')[1];
      const epTags = ep.tags?.length ? ep.tags.map((t) => `${service}: ${t}`) : [service];
      for (const t of epTags) tags.add(t);
      paths[r.path] ??= {};
      paths[r.path][method.toLowerCase()] = operationOf(method, r.path, ep, epTags);
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Switchboard API',
      version: API_VERSION,
      description:
        'Help desk (HDTS), workflow engine (TTS), auth, messaging and notifications. Every path also works without the trailing slash. Errors use the standard error format.\n\n' +
        "Real time: socket.io at `/socket.io` replaces 002's raw WebSocket `/ws/comments/{ticket_id}/` (one connection per client for every ticket room, presence, typing and reconnection with fallback to long-polling, and in a cluster the same rooms across processes). A client connects with a socket.io client (`io(origin, { path: '/socket.io', auth: { token: '<access token>' } })`, or the session cookie), emits `join_ticket` `{ticket_id: 'TX…'}` (the ack is `{ok, internal}`; the help desk's visibility rules apply, so a ticket the caller may not see is `{ok: false, error: 'NOT_FOUND'}`) and receives `connection_established` on connect and `comment_update` `{type, action, comment_id, ticket_id, is_internal, comment}`: public comments carry the `comment` object as 002's example reads it, internal ones only their ids (staff re-read them through the API). 002's `ping` is answered with `pong`.",
    },
    servers: [{ url: '/' }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema, ...errorSchemas },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'access_token' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  };
}
