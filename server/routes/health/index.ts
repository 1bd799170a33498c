import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { probeGraph } from '../../plugins/neo4j.ts';

export const Liveness = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const Readiness = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    checks: z.object({
      neo4j: z.object({ ok: z.boolean(), reason: z.string().optional() }),
      embedder: z.object({ ok: z.boolean(), model: z.string().optional(), reason: z.string().optional() }),
    }),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'Readiness' });

const READINESS_TIMEOUT_MS = 2000;

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { logLevel: 'warn', schema: { tags: ['health'], summary: 'Liveness: the process answers (Neo4j is not consulted)', response: { 200: Liveness } } },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'Readiness: Neo4j answers within 2 s and the embedding model is loaded; 503 with reasons otherwise',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const neo4j = await probeGraph(app.graph, READINESS_TIMEOUT_MS);
      const embedder = app.embedder
        ? { ok: true, model: app.embedder.modelId }
        : { ok: false, reason: 'the embedding model is not loaded (run `npm run model:fetch`, then restart)' };
      const reasons = [neo4j.ok ? null : neo4j.reason, embedder.ok ? null : embedder.reason].filter((r): r is string => typeof r === 'string');
      const ready = reasons.length === 0;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not-ready',
        checks: { neo4j: neo4j.ok ? { ok: true } : { ok: false, reason: neo4j.reason }, embedder },
        reasons,
      });
    },
  );
};

export default health;
