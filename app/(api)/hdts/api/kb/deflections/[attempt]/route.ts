import { withdrawDeflection } from '@/lib/domain/knowledge/commands';
import { deflectionParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  DELETE: endpoint({
    summary: '"I still need help": take back this attempt\'s deflection',
    description:
      "The article did not solve the problem after all: the deflection of this submit attempt (the caller's own) is removed from the figures. 404 when the caller recorded none under this id.",
    tags: ['knowledge'],
    params: deflectionParam,
    status: 204,
    handler: ({ actor, params }) => withdrawDeflection(actor, params.attempt),
  }),
});
