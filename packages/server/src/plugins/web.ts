// Security headers for every response, and the built web app with its caching rules.
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Hashed build outputs never change under their name: a year, immutable. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html names the current hashes: the browser must ask again every time (it may revalidate). */
export const HTML_CACHE_CONTROL = 'no-cache';
export const HSTS = 'max-age=15552000; includeSubDomains';

/**
 * Whether the browser reached us over TLS: the socket itself, or — only when TRUST_PROXY is set —
 * the proxy's `X-Forwarded-Proto` (Fastify's `request.protocol` reads it only under trustProxy).
 */
export function overTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * Whether the browser counts the page's origin as potentially trustworthy: over TLS, or a loopback
 * name (browsers treat http://localhost as secure). Some headers take effect only there.
 */
export function trustworthyOrigin(request: FastifyRequest): boolean {
  return overTls(request) || LOOPBACK_NAMES.has(request.hostname.toLowerCase());
}
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * helmet's defaults carry `upgrade-insecure-requests` in the CSP and send HSTS. Over plain HTTP
 * (an intranet host such as http://192.168.1.20:3000) the first makes the browser rewrite every
 * asset URL to https, which nobody answers: a blank page on any host but localhost (browsers
 * exempt localhost). So helmet is registered without both, and they are added only over TLS.
 * Cross-Origin-Opener-Policy and Origin-Agent-Cluster are honoured only on a trustworthy origin;
 * elsewhere the browser ignores them and writes an error and a warning in the console of every
 * page, so they are sent only where they work.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    hsts: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (!trustworthyOrigin(request)) return payload;
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('origin-agent-cluster', '?1');
    if (!overTls(request)) return payload;
    reply.header('strict-transport-security', HSTS);
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
    return payload;
  });
});

/**
 * The built SPA. `vite build` writes a `.br` and a `.gz` beside every compressible file
 * (packages/web/vite.config.ts), and `preCompressed` picks the best one the browser accepts:
 * the public home's JavaScript travels at about a third of its size without compressing per request.
 */
export const webAppPlugin = fp(async (app: FastifyInstance, opts: { root: string }) => {
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      const assets = /[\\/]assets[\\/]/.test(filePath);
      reply.header('cache-control', assets ? ASSET_CACHE_CONTROL : HTML_CACHE_CONTROL);
    },
  });
});
