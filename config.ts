import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PROJECT_ROOT = path.dirname(fileURLToPath(import.meta.url));

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const neo4jUri = z
  .string()
  .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s/:]+(:\d{1,5})?\/?$/, {
    message: 'must look like bolt://host:7687, neo4j://host or neo4j+s://host',
  });

const Env = z.object({
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).default('devpassword'),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_LOCAL_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_LOCAL_HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NEO4J_LOCAL_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data', 'neo4j')),
  NEO4J_HEAP: z.string().regex(/^\d+[kmg]$/i).default('1g'),
  NEO4J_PAGECACHE: z.string().regex(/^\d+[kmg]$/i).default('512m'),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().optional(),
  INGEST_API_KEY: z.string().min(8).optional(),
  INGEST_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MODEL_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'models')),
  EMBEDDING_OFFLINE: z.stringbool().default(true),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().default(384),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().positive().default(16),
  CHUNK_MAX_CHARS: z.coerce.number().int().positive().default(400),
  CHUNK_OVERLAP_SENTENCES: z.coerce.number().int().nonnegative().default(1),
  SEEDS_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'seeds')),
});

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const key = first?.path.join('.') ?? '?';
    throw new ConfigError(`invalid configuration: ${key} ${first?.message ?? ''}`.trim());
  }
  const e = parsed.data;
  const local = e.NEO4J_URI === undefined;
  return Object.freeze({
    neo4j: Object.freeze({
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${e.NEO4J_LOCAL_BOLT_PORT}`,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      /** True when no NEO4J_URI was given: commands may start the project's own Neo4j. */
      local,
    }),
    localNeo4j: Object.freeze({
      boltPort: e.NEO4J_LOCAL_BOLT_PORT,
      httpPort: e.NEO4J_LOCAL_HTTP_PORT,
      dataDir: path.resolve(e.NEO4J_LOCAL_DATA_DIR),
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
    }),
    server: Object.freeze({
      host: e.HOST,
      port: e.PORT,
      logLevel: e.LOG_LEVEL,
      corsOrigins: e.CORS_ORIGINS ? e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : [],
      ingestApiKey: e.INGEST_API_KEY,
    }),
    ingest: Object.freeze({
      maxBytes: e.INGEST_MAX_BYTES,
      seedsDir: path.resolve(e.SEEDS_DIR),
      chunkMaxChars: e.CHUNK_MAX_CHARS,
      chunkOverlapSentences: e.CHUNK_OVERLAP_SENTENCES,
    }),
    embedding: Object.freeze({
      model: e.EMBEDDING_MODEL,
      modelDir: path.resolve(e.MODEL_DIR),
      offline: e.EMBEDDING_OFFLINE,
      dimensions: e.EMBEDDING_DIMENSIONS,
      batchSize: e.EMBEDDING_BATCH_SIZE,
    }),
  });
}
export type Config = ReturnType<typeof loadConfig>;
export type Neo4jConfig = Config['neo4j'];
