const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchboard API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-init.js"></script>
</body></html>`;

export function GET() {
  return new Response(PAGE, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
