import { previewOutput } from '@/lib/domain/knowledge/outputs';
import { previewMarkdown } from '@/lib/domain/knowledge/queries';
import { previewInput } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Render Markdown as an article would show it',
    description: 'The editor’s preview (knowledge editors); the same sanitiser as published articles. Saves nothing.',
    tags: ['knowledge'],
    output: previewOutput,
    body: previewInput,
    status: 200,
    handler: ({ actor, body }) => previewMarkdown(actor, body.body),
  }),
});
