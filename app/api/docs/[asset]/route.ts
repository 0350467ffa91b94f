import fs from 'node:fs/promises';
import path from 'node:path';
import { docsEnabled } from '@/lib/server/openapi/docs';

// Swagger UI's own files, served from the installed swagger-ui-dist package (no CDN: we are offline).
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

// The page's start-up script is a file of its own: the Content-Security-Policy runs no inline script. The page
// names its document (the whole API or one service's) in data-schema-url.
const INIT = `window.ui = SwaggerUIBundle({ url: document.getElementById('swagger-ui').dataset.schemaUrl || '/api/schema/', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });\n`;

export async function GET(_req: Request, ctx: { params: Promise<{ asset: string }> }) {
  if (!docsEnabled()) return new Response('Not found', { status: 404 });
  const { asset } = await ctx.params;
  if (asset === 'swagger-init.js') return new Response(INIT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  const type = ASSETS[asset];
  if (!type) return new Response('Not found', { status: 404 });
  const file = path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', asset);
  return new Response(await fs.readFile(file), { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' } });
}
