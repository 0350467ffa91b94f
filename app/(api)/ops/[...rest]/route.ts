import { notFoundRoute } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = notFoundRoute();
