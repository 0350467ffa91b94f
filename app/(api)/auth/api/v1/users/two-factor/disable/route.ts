import { twoFactorDisableEndpoint } from '@/lib/server/api/identity';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({ POST: twoFactorDisableEndpoint });
