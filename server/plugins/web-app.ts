import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

const NOT_BUILT = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>jp-incident-graph</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.6;padding:0 1rem}code{background:#f3f3f3;padding:.1rem .3rem}</style></head>
<body><h1>The graph browser is not built</h1>
<p>The API is running: see <a href="/docs">/docs</a> (OpenAPI at <a href="/docs/json">/docs/json</a>).</p>
<p>To get the browser, build the web app (<code>npm run web:build</code>, which writes <code>web/dist/</code>) and restart the server.</p>
</body></html>`;

/**
 * The graph browser: the built web app from `root` at `/`. Without a build, `/` answers a
 * short page that says so and how to build it (the API works either way).
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const built = fs.existsSync(path.join(root, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: true, decorateReply: false, schemaHide: true });
      return;
    }
    app.log.debug({ root }, 'web app not built; / answers a notice');
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
  },
  { name: 'web-app', fastify: '5.x' },
);
