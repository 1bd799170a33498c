/**
 * Local Neo4j 5 Community (embedded 5.26 LTS from Maven Central) for development.
 *
 *   npm run neo4j:start    start (no-op if already running); exit 1 on error
 *   npm run neo4j:stop     stop (no-op if not running); exit 0
 *   npm run neo4j:status   exit 0 if running, 3 if not
 *   npm run neo4j:prepare  resolve and compile (Maven) without starting; used by CI
 *
 * Needs Java 17+ and Maven 3.8+ on PATH (JAVA_HOME and MVN are honoured). The first start
 * downloads the Neo4j jars into ~/.m2; later starts reuse the cached classpath in .cache/neo4j.
 *
 * Environment (defaults in brackets):
 *   NEO4J_LOCAL_BOLT_PORT      Bolt port on 127.0.0.1 [7687]
 *   NEO4J_LOCAL_HTTP_PORT      HTTP port on 127.0.0.1 [unset: HTTP connector off]
 *   NEO4J_LOCAL_DATA_DIR       Neo4j home: store, neo4j.log, neo4j.pid [<project>/data/neo4j]
 *   NEO4J_USER                 user, created if missing [neo4j]
 *   NEO4J_PASSWORD             password, >= 8 chars; re-applied on every start [devpassword]
 *   NEO4J_HEAP                 JVM -Xms/-Xmx [1g]
 *   NEO4J_PAGECACHE            server.memory.pagecache.size [512m]
 *   NEO4J_LOCAL_TX_TIMEOUT     db.transaction.timeout [120s]
 *   NEO4J_LOCAL_START_TIMEOUT  seconds to wait for Bolt on start [120]
 *
 * Two instances run side by side when they differ in Bolt port (and HTTP port) and data dir:
 *   NEO4J_LOCAL_BOLT_PORT=7688 NEO4J_LOCAL_DATA_DIR=data/neo4j-b npm run neo4j:start
 */
import {
  LocalNeo4jError,
  localNeo4jOptionsFromEnv,
  localNeo4jStatus,
  prepareLocalNeo4j,
  startLocalNeo4j,
  stopLocalNeo4j,
} from './local-neo4j.ts';

const USAGE = 'usage: tsx scripts/neo4j/cli.ts start|stop|status|prepare';

async function main(command: string | undefined): Promise<number> {
  const opts = localNeo4jOptionsFromEnv();
  switch (command) {
    case 'start':
      await startLocalNeo4j(opts);
      return 0;
    case 'prepare':
      await prepareLocalNeo4j();
      console.log('neo4j: classpath ready');
      return 0;
    case 'stop':
      await stopLocalNeo4j(opts);
      return 0;
    case 'status': {
      const s = await localNeo4jStatus(opts);
      if (!s.running) {
        console.log(`neo4j: not running (data dir ${s.dataDir})`);
        return 3;
      }
      console.log(
        `neo4j: running (pid ${s.pid}) ${s.boltUrl}${s.httpUrl ? ` ${s.httpUrl}` : ''}, ` +
          `bolt ${s.boltReady ? 'answering' : 'NOT answering yet'}, data dir ${s.dataDir}, log ${s.logFile}`,
      );
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`neo4j: ${err instanceof LocalNeo4jError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
