import { recordDeflection } from '@/lib/domain/knowledge/commands';
import { deflectionOutput } from '@/lib/domain/knowledge/outputs';
import { deflectionInput } from '@/lib/domain/knowledge/schemas';
import { endpoint, Reply, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: '"This solved my problem": record a deflection',
    description:
      'Once per submit attempt (`attempt_id`, made by the form when it opens): 201 when recorded, 200 when this attempt was recorded already. No ticket is created.',
    tags: ['knowledge'],
    output: deflectionOutput,
    body: deflectionInput,
    handler: async ({ actor, body }) => {
      const d = await recordDeflection(actor, body);
      return new Reply(d, { status: d.created ? 201 : 200 });
    },
  }),
});
