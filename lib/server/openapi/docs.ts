/**
 * The API documentation's HTTP side: the OpenAPI document (whole, or one service's paths) and the Swagger UI page
 * that shows it. Served at `/api/schema/` + `/api/docs/` and, per service (002/003/004), at `<prefix>/schema/`,
 * `<prefix>/docs/` and `<prefix>/redoc` (the same viewer). `API_DOCS_ENABLED=false` answers 404 everywhere.
 */
import { AppError } from '@/lib/domain/errors';
import { env } from '../env';
import { errorResponse, requestMeta } from '../http';
import { openApiDocument } from './document';

type Doc = Awaited<ReturnType<typeof openApiDocument>>;

function off(req: Request): Response {
  return errorResponse(new AppError(404, 'NOT_FOUND', 'API documentation is switched off'), requestMeta(req).traceId);
}

/** The document, limited to one service's paths (and the tags they use) when a prefix is given. */
export async function serviceDocument(prefix?: string): Promise<Doc> {
  const doc = await openApiDocument();
  if (!prefix) return doc;
  const paths = Object.fromEntries(Object.entries(doc.paths).filter(([p]) => p.startsWith(`${prefix}/`)));
  const used = new Set(
    Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => (op as { tags: string[] }).tags)),
  );
  return {
    ...doc,
    info: { ...doc.info, title: `Switchboard API: ${prefix}` },
    tags: doc.tags.filter((t) => used.has(t.name)),
    paths,
  };
}

const escapeAttr = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Swagger UI for a document URL; its start-up script reads the URL from the page (no inline script: CSP). */
export function viewerPage(schemaUrl: string, title = 'Switchboard API'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeAttr(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui" data-schema-url="${escapeAttr(schemaUrl)}"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-init.js"></script>
</body></html>`;
}

/** `GET` of the document for a service prefix (`undefined`: all services). */
export function schemaHandler(prefix?: string) {
  return async (req: Request): Promise<Response> => {
    if (!env.API_DOCS_ENABLED) return off(req);
    return Response.json(await serviceDocument(prefix));
  };
}

/** `GET` of the viewer page showing the document of a service prefix (`undefined`: all services). */
export function viewerHandler(prefix?: string) {
  return async (req: Request): Promise<Response> => {
    if (!env.API_DOCS_ENABLED) return off(req);
    const url = prefix ? `${prefix}/schema/` : '/api/schema/';
    return new Response(viewerPage(url, prefix ? `Switchboard API: ${prefix}` : 'Switchboard API'), {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  };
}

export const docsEnabled = () => env.API_DOCS_ENABLED;
