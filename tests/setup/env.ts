import { inject } from 'vitest';

// Runs in every test worker before the test file is imported.
process.env.DATABASE_URL = inject('databaseUrl');
(process.env as Record<string, string>).NODE_ENV = 'test';
process.env.RATE_LIMIT_TOKEN ??= '100000/60';
process.env.RATE_LIMIT_DEFAULT ??= '100000/60';
process.env.RATE_LIMIT_TICKET_CREATE ??= '100000/60';
process.env.RATE_LIMIT_TICKET_READ ??= '100000/60';
process.env.SERVICE_API_KEYS ??= 'test-service-key-0123456789abcdef';
