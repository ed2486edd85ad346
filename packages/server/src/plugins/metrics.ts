import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import client from 'prom-client';
import { AppError } from '../errors.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * /metrics tells how the service is used and how it runs, so it is not public (等保: least
 * exposure). A scraper on this machine reads it directly; a remote one sends the token. A request
 * relayed by a reverse proxy on this machine arrives from loopback too, so anything carrying a
 * forwarding header counts as remote.
 */
function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  const auth = request.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const want = Buffer.from(token);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
  }
  const forwarded = request.headers['x-forwarded-for'] || request.headers.forwarded || request.headers['x-real-ip'];
  return !forwarded && LOOPBACK.test(request.socket.remoteAddress ?? '');
}

// Prometheus text at /metrics: request counts and latencies by route pattern (never the raw URL,
// which would make one series per record id), plus Node's process metrics.
export const metricsPlugin = fp(async (app: FastifyInstance, opts: { token?: string | undefined }) => {
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
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, opts.token)) throw new AppError('METRICS_FORBIDDEN');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
