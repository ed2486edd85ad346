import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import client from 'prom-client';

// Prometheus text at /metrics: request counts and latencies by route pattern (never the raw URL,
// which would make one series per record id), plus Node's process metrics.
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'qingshan_' });
  const duration = new client.Histogram({
    name: 'qingshan_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
