/**
 * Local Neo4j 5 Community (5.26 LTS) for development, obtained only through Maven Central.
 *
 * How it works:
 * - scripts/neo4j/pom.xml depends on org.neo4j:neo4j (the embedded Community edition, which
 *   carries Bolt, Cypher, Lucene full-text and vector indexes, and the HTTP module).
 *   We use the embedded API rather than the server tarball because the tarball is not on
 *   Maven Central; the embedded DatabaseManagementService with BoltConnector is the same
 *   database engine as the server, reachable by any Bolt driver.
 * - `mvn compile dependency:build-classpath` downloads the jars into ~/.m2 (first run only),
 *   compiles LocalNeo4j.java and writes the classpath to <project>/.cache/neo4j/classpath.txt.
 *   Later starts skip Maven entirely while that cache is fresh (pom/java unchanged, all jars
 *   still in ~/.m2); when it is stale they run `mvn -q -o` first and go online only if that fails.
 * - start spawns `java ... localneo4j.LocalNeo4j` detached (stdout+stderr appended to
 *   <dataDir>/neo4j.log), writes <dataDir>/neo4j.pid, waits for the Java side to write
 *   <dataDir>/neo4j.ready (credentials applied) and then for Bolt to accept the credentials
 *   (driver.verifyConnectivity).
 * - stop sends SIGTERM (the Java shutdown hook shuts the DBMS down cleanly), waits, then SIGKILL
 *   after a timeout, and removes the pid file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  boltPort: number;
  /** HTTP port on 127.0.0.1; HTTP connector is off when undefined. */
  httpPort?: number | undefined;
  /** Neo4j home: databases, transaction logs, neo4j.log, neo4j.pid live here. */
  dataDir: string;
  user: string;
  /** At least 8 characters (Neo4j's minimum). */
  password: string;
  /** JVM heap, e.g. "1g" (used for -Xms and -Xmx). */
  heap: string;
  /** Page cache size, e.g. "512m" (server.memory.pagecache.size). */
  pageCache: string;
  /** Transaction timeout (db.transaction.timeout), e.g. "120s", "5m". Default 120s. */
  txTimeout?: string | undefined;
  /** How long start waits for Bolt. Default 120 000 ms. */
  startTimeoutMs?: number | undefined;
  /** How long stop waits after SIGTERM before SIGKILL. Default 60 000 ms. */
  stopTimeoutMs?: number | undefined;
  /** Message sink; default prints "neo4j: <message>" to stdout. */
  log?: ((message: string) => void) | undefined;
}

export interface LocalNeo4jStartResult {
  pid: number;
  boltUrl: string;
  httpUrl?: string | undefined;
  /** True when an instance was already running and nothing was started. */
  alreadyRunning: boolean;
  /** Wall time of this call in ms. */
  elapsedMs: number;
}

export interface LocalNeo4jStopResult {
  wasRunning: boolean;
  pid?: number | undefined;
  /** True when SIGKILL was needed. */
  killed: boolean;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number | undefined;
  /** Bolt accepted the configured credentials. */
  boltReady: boolean;
  boltUrl: string;
  httpUrl?: string | undefined;
  dataDir: string;
  logFile: string;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const NEO4J_SCRIPTS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(NEO4J_SCRIPTS_DIR, '..', '..');
const POM_FILE = path.join(NEO4J_SCRIPTS_DIR, 'pom.xml');
const JAVA_SOURCE = path.join(NEO4J_SCRIPTS_DIR, 'src', 'main', 'java', 'localneo4j', 'LocalNeo4j.java');
const CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'neo4j');
const CLASSPATH_FILE = path.join(CACHE_DIR, 'classpath.txt');
const CLASSES_DIR = path.join(CACHE_DIR, 'target', 'classes');
const CLASS_FILE = path.join(CLASSES_DIR, 'localneo4j', 'LocalNeo4j.class');
const MAIN_CLASS = 'localneo4j.LocalNeo4j';

/**
 * JVM flags as in Neo4j 5.26's default neo4j.conf (server.jvm.additional), minus
 * -XX:+AlwaysPreTouch (slows start-up for no dev benefit). The --add-opens are what Neo4j
 * needs on Java 17+ for direct I/O buffers and Netty.
 */
const JVM_FLAGS = [
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

/**
 * JIT and GC for the machine. On a small one the JVM's optimizing compiler (C2) costs more
 * than it returns: during a cold ingest of archive-dev on 2 cores it used 47 CPU-seconds of
 * a 47-second run, competing with the queries it was compiling. The quick compiler alone
 * (C1) made that ingest 29 → 40 docs/s and left search latency as it was. There, the
 * parallel collector also costs Neo4j ~8% less CPU than G1 (Neo4j's default, kept on larger
 * machines) for the same ingest, with search latency unchanged (BENCHMARKS.md).
 */
function machineFlags(cores: number): string[] {
  return cores <= 4 ? ['-XX:TieredStopAtLevel=1', '-XX:+UseParallelGC'] : ['-XX:+UseG1GC'];
}

const DEFAULT_START_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Options from the environment (documented in cli.ts)
// ---------------------------------------------------------------------------------------------

function parsePort(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) {
    throw new LocalNeo4jError(`${name} must be a port number (1-65535), got "${value}"`);
  }
  return n;
}

/** Builds options from NEO4J_LOCAL_* / NEO4J_* variables with the documented defaults. */
export function localNeo4jOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalNeo4jOptions {
  const httpPort = env.NEO4J_LOCAL_HTTP_PORT?.trim();
  const startTimeout = env.NEO4J_LOCAL_START_TIMEOUT?.trim();
  return {
    boltPort: parsePort('NEO4J_LOCAL_BOLT_PORT', env.NEO4J_LOCAL_BOLT_PORT?.trim() || '7687'),
    httpPort: httpPort ? parsePort('NEO4J_LOCAL_HTTP_PORT', httpPort) : undefined,
    dataDir: path.resolve(env.NEO4J_LOCAL_DATA_DIR?.trim() || path.join(PROJECT_ROOT, 'data', 'neo4j')),
    user: env.NEO4J_USER?.trim() || 'neo4j',
    password: env.NEO4J_PASSWORD || 'devpassword',
    heap: env.NEO4J_HEAP?.trim() || '1g',
    pageCache: env.NEO4J_PAGECACHE?.trim() || '512m',
    txTimeout: env.NEO4J_LOCAL_TX_TIMEOUT?.trim() || '120s',
    startTimeoutMs: startTimeout ? Number(startTimeout) * 1000 : DEFAULT_START_TIMEOUT_MS,
  };
}

function validate(opts: LocalNeo4jOptions): void {
  parsePort('boltPort', String(opts.boltPort));
  if (opts.httpPort !== undefined) {
    parsePort('httpPort', String(opts.httpPort));
    if (opts.httpPort === opts.boltPort) throw new LocalNeo4jError('HTTP and Bolt ports must differ');
  }
  if (opts.password.length < 8) {
    throw new LocalNeo4jError('password must be at least 8 characters (Neo4j minimum)');
  }
  if (!opts.user) throw new LocalNeo4jError('user must not be empty');
  const size = /^\d+[kmgKMG]?$/;
  if (!size.test(opts.heap)) throw new LocalNeo4jError(`heap must look like 1g or 512m, got "${opts.heap}"`);
  if (!size.test(opts.pageCache)) {
    throw new LocalNeo4jError(`page cache must look like 512m or 1g, got "${opts.pageCache}"`);
  }
  if (opts.txTimeout !== undefined && !/^\d+(ms|s|m|h)?$/.test(opts.txTimeout)) {
    throw new LocalNeo4jError(`transaction timeout must look like 120s or 5m, got "${opts.txTimeout}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function logger(opts: LocalNeo4jOptions): (message: string) => void {
  return opts.log ?? ((message: string) => console.log(`neo4j: ${message}`));
}

function files(dataDir: string) {
  const dir = path.resolve(dataDir);
  return {
    dir,
    pid: path.join(dir, 'neo4j.pid'),
    ready: path.join(dir, 'neo4j.ready'),
    log: path.join(dir, 'neo4j.log'),
  };
}

const boltUrlOf = (port: number) => `bolt://127.0.0.1:${port}`;
const httpUrlOf = (port: number | undefined) => (port === undefined ? undefined : `http://127.0.0.1:${port}`);

function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

/** Process exists and is not a zombie. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/** The java command line of pid, or undefined when unavailable (not Linux, gone). */
function commandLine(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

function argValue(cmd: string[], name: string): string | undefined {
  const i = cmd.indexOf(name);
  return i >= 0 ? cmd[i + 1] : undefined;
}

/** Alive, and (where /proc allows checking) really our LocalNeo4j for this data dir. */
function isOurInstance(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  if (!cmd) return true;
  return cmd.includes(MAIN_CLASS) && argValue(cmd, '--data-dir') === dataDir;
}

/** Ports the running instance was actually started with (from its command line). */
function runningPorts(pid: number): { boltPort?: number; httpPort?: number } {
  const cmd = commandLine(pid);
  if (!cmd) return {};
  const bolt = argValue(cmd, '--bolt-port');
  const http = argValue(cmd, '--http-port');
  return {
    boltPort: bolt ? Number(bolt) : undefined,
    httpPort: http ? Number(http) : undefined,
  };
}

function readyFileMatches(file: string, pid: number): boolean {
  return readPidFile(file) === pid;
}

function tailLog(file: string, lines = 40): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n').trimEnd();
  } catch {
    return '(no log)';
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(true);
      else reject(err);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => resolve(false));
    });
  });
}

type BoltCheck = 'ok' | 'unauthorized' | 'unavailable';

function isAuthError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Security.');
}

/** One readiness probe over Bolt with the configured credentials; the driver is always closed. */
async function checkBolt(port: number, user: string, password: string): Promise<BoltCheck> {
  const driver = neo4j.driver(boltUrlOf(port), neo4j.auth.basic(user, password), {
    connectionTimeout: 3000,
    connectionAcquisitionTimeout: 5000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return 'ok';
  } catch (err) {
    return isAuthError(err) ? 'unauthorized' : 'unavailable';
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Maven: resolve jars + compile LocalNeo4j.java, cache the classpath
// ---------------------------------------------------------------------------------------------

function mtimeMs(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function cachedClasspath(): string | undefined {
  const cpTime = mtimeMs(CLASSPATH_FILE);
  const classTime = mtimeMs(CLASS_FILE);
  if (cpTime === undefined || classTime === undefined) return undefined;
  if ((mtimeMs(POM_FILE) ?? 0) > cpTime || (mtimeMs(JAVA_SOURCE) ?? 0) > classTime) return undefined;
  const classpath = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
  const jars = classpath.split(path.delimiter).filter(Boolean);
  if (jars.length === 0 || !jars.every((jar) => fs.existsSync(jar))) return undefined;
  return classpath;
}

function runMaven(offline: boolean): Promise<{ code: number; output: string }> {
  const mvn = process.env.MVN || 'mvn';
  const args = [
    '-q',
    '-B',
    '-Dstyle.color=never',
    ...(offline ? ['-o'] : []),
    '-f',
    POM_FILE,
    'compile',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${CLASSPATH_FILE}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { cwd: NEO4J_SCRIPTS_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new LocalNeo4jError(
          err.code === 'ENOENT' ? `Maven (${mvn}) not found on PATH; install Maven 3.8+` : `cannot run Maven: ${err.message}`,
        ),
      ),
    );
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Returns "<classes>:<jars>", running Maven only when the cached classpath is missing or stale. */
async function ensureClasspath(log: (message: string) => void): Promise<string> {
  const cached = cachedClasspath();
  if (cached) return `${CLASSES_DIR}${path.delimiter}${cached}`;

  fs.mkdirSync(CACHE_DIR, { recursive: true });
  let result: { code: number; output: string } | undefined;
  if (fs.existsSync(CLASSPATH_FILE)) {
    log('refreshing classpath from ~/.m2 (mvn -o)...');
    result = await runMaven(true);
  }
  if (!result || result.code !== 0) {
    log('resolving Neo4j from Maven Central (the first run downloads ~150 MB into ~/.m2)...');
    result = await runMaven(false);
  }
  if (result.code !== 0) {
    // -q leaves only warnings and errors; strip ANSI colour codes some Maven builds still emit.
    // eslint-disable-next-line no-control-regex
    const output = result.output.replace(/\x1b\[[0-9;]*m/g, '').trim();
    throw new LocalNeo4jError(`Maven failed (exit ${result.code}):\n${output}`);
  }
  // build-classpath does not rewrite an unchanged file and the compiler may skip an up-to-date
  // class: touch both so the freshness check above passes next time.
  const now = new Date();
  fs.utimesSync(CLASSPATH_FILE, now, now);
  if (fs.existsSync(CLASS_FILE)) fs.utimesSync(CLASS_FILE, now, now);
  const classpath = cachedClasspath();
  if (!classpath) throw new LocalNeo4jError(`Maven succeeded but ${CLASSPATH_FILE} or ${CLASS_FILE} is missing`);
  return `${CLASSES_DIR}${path.delimiter}${classpath}`;
}

/** Resolves and compiles everything start needs (Maven, ~/.m2) without starting Neo4j. */
export async function prepareLocalNeo4j(log: (message: string) => void = (m) => console.log(`neo4j: ${m}`)): Promise<string> {
  return ensureClasspath(log);
}

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Waits for the ready file, then for Bolt to accept the credentials; throws if the process dies. */
async function waitUntilReady(
  opts: LocalNeo4jOptions,
  pid: number,
  boltPort: number,
  exitInfo: () => string | undefined,
): Promise<void> {
  const f = files(opts.dataDir);
  const deadline = Date.now() + (opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  for (;;) {
    const exited = exitInfo() ?? (isAlive(pid) ? undefined : 'exited');
    if (exited) {
      removeQuietly(f.pid);
      removeQuietly(f.ready);
      throw new LocalNeo4jError(`Neo4j process ${pid} ${exited} during start-up. Last lines of ${f.log}:\n${tailLog(f.log)}`);
    }
    // Bolt listens before the Java side has applied the password; authenticating earlier would
    // fail and count toward Neo4j's auth lockout, hence the ready file.
    if (readyFileMatches(f.ready, pid)) {
      const check = await checkBolt(boltPort, opts.user, opts.password);
      if (check === 'ok') return;
      if (check === 'unauthorized') {
        throw new LocalNeo4jError(`Neo4j (pid ${pid}) rejected the credentials for user '${opts.user}'; see ${f.log}`);
      }
    }
    if (Date.now() > deadline) {
      throw new LocalNeo4jError(
        `Neo4j (pid ${pid}) did not answer on ${boltUrlOf(boltPort)} within ${Math.round(
          (opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS) / 1000,
        )} s (still running; stop it with neo4j:stop). Last lines of ${f.log}:\n${tailLog(f.log)}`,
      );
    }
    await sleep(500);
  }
}

/**
 * Starts the instance for opts.dataDir unless it is already running (then a no-op).
 * Throws LocalNeo4jError on bad options, a busy port, Maven/Java failures or start-up timeout.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4jStartResult> {
  const t0 = Date.now();
  validate(opts);
  const log = logger(opts);
  const f = files(opts.dataDir);
  const boltUrl = boltUrlOf(opts.boltPort);
  const httpUrl = httpUrlOf(opts.httpPort);
  fs.mkdirSync(f.dir, { recursive: true });

  const existing = readPidFile(f.pid);
  if (existing !== undefined) {
    if (isOurInstance(existing, f.dir)) {
      const ports = runningPorts(existing);
      if (ports.boltPort !== undefined && ports.boltPort !== opts.boltPort) {
        throw new LocalNeo4jError(
          `an instance for ${f.dir} is already running (pid ${existing}) on ${boltUrlOf(ports.boltPort)}; stop it first to change the port`,
        );
      }
      if (!readyFileMatches(f.ready, existing)) {
        log(`already starting (pid ${existing}); waiting for ${boltUrl}...`);
      }
      await waitUntilReady(opts, existing, opts.boltPort, () => undefined).catch((err: unknown) => {
        if (err instanceof LocalNeo4jError && err.message.includes('rejected the credentials')) {
          throw new LocalNeo4jError(
            `already running (pid ${existing}) but ${boltUrl} rejects the configured credentials; restart (neo4j:stop, neo4j:start) to apply them`,
          );
        }
        throw err;
      });
      log(`already running (pid ${existing}) at ${boltUrl}, data dir ${f.dir}; nothing to do`);
      return { pid: existing, boltUrl, httpUrl, alreadyRunning: true, elapsedMs: Date.now() - t0 };
    }
    log(`removing stale pid file (pid ${existing} is not running)`);
    removeQuietly(f.pid);
  }
  removeQuietly(f.ready);

  for (const [name, port] of [
    ['Bolt', opts.boltPort],
    ['HTTP', opts.httpPort],
  ] as const) {
    if (port !== undefined && (await portInUse(port))) {
      throw new LocalNeo4jError(`${name} port ${port} on 127.0.0.1 is already in use by another process`);
    }
  }

  const classpath = await ensureClasspath(log);

  const args = [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    ...JVM_FLAGS,
    ...machineFlags(os.availableParallelism()),
    '-cp',
    classpath,
    MAIN_CLASS,
    '--data-dir',
    f.dir,
    '--bolt-port',
    String(opts.boltPort),
    ...(opts.httpPort !== undefined ? ['--http-port', String(opts.httpPort)] : []),
    '--page-cache',
    opts.pageCache,
    '--tx-timeout',
    opts.txTimeout ?? '120s',
    '--user',
    opts.user,
    '--ready-file',
    f.ready,
  ];
  const logFd = fs.openSync(f.log, 'a');
  fs.writeSync(logFd, `\n=== ${new Date().toISOString()} neo4j:start bolt ${boltUrl}${httpUrl ? ` http ${httpUrl}` : ''} ===\n`);
  const java = javaExecutable();
  const child = spawn(java, args, {
    cwd: f.dir,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    // The password travels in the environment, not on the (world-readable) command line.
    env: { ...process.env, NEO4J_LOCAL_PASSWORD: opts.password },
  });
  fs.closeSync(logFd);
  let exitInfo: string | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => {
    exitInfo = err.code === 'ENOENT' ? `could not be started (${java} not found; install Java 17+)` : `failed: ${err.message}`;
  });
  child.once('exit', (code, signal) => {
    exitInfo = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  });
  child.unref();
  // spawn reports ENOENT asynchronously; give it a tick before trusting child.pid.
  await sleep(50);
  const pid = child.pid;
  if (pid === undefined) {
    throw new LocalNeo4jError(`Java ${exitInfo ?? 'could not be started'}`);
  }
  fs.writeFileSync(f.pid, `${pid}\n`);
  log(`starting Neo4j (pid ${pid}, heap ${opts.heap}, page cache ${opts.pageCache}), log: ${f.log}`);

  await waitUntilReady(opts, pid, opts.boltPort, () => exitInfo);
  const elapsedMs = Date.now() - t0;
  log(`started (pid ${pid}) at ${boltUrl}${httpUrl ? ` and ${httpUrl}` : ''} in ${(elapsedMs / 1000).toFixed(1)} s`);
  return { pid, boltUrl, httpUrl, alreadyRunning: false, elapsedMs };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

/** Stops the instance for opts.dataDir (SIGTERM, then SIGKILL after the timeout). Not running: no-op. */
export async function stopLocalNeo4j(
  opts: Pick<LocalNeo4jOptions, 'dataDir' | 'log' | 'stopTimeoutMs'>,
): Promise<LocalNeo4jStopResult> {
  const log = opts.log ?? ((message: string) => console.log(`neo4j: ${message}`));
  const f = files(opts.dataDir);
  const pid = readPidFile(f.pid);
  if (pid === undefined || !isOurInstance(pid, f.dir)) {
    if (pid !== undefined) removeQuietly(f.pid);
    removeQuietly(f.ready);
    log(`not running (data dir ${f.dir})`);
    return { wasRunning: false, killed: false };
  }
  log(`stopping Neo4j (pid ${pid})...`);
  process.kill(pid, 'SIGTERM');
  let killed = false;
  if (!(await waitForExit(pid, opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS))) {
    log(`pid ${pid} still running after ${Math.round((opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS) / 1000)} s; sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
    killed = true;
    if (!(await waitForExit(pid, 10_000))) {
      throw new LocalNeo4jError(`pid ${pid} did not exit even after SIGKILL`);
    }
  }
  removeQuietly(f.pid);
  removeQuietly(f.ready);
  log(killed ? `killed (pid ${pid})` : `stopped (pid ${pid})`);
  return { wasRunning: true, pid, killed };
}

/** Reports whether the instance for opts.dataDir is running and whether Bolt accepts the credentials. */
export async function localNeo4jStatus(
  opts: Pick<LocalNeo4jOptions, 'boltPort' | 'httpPort' | 'dataDir' | 'user' | 'password'>,
): Promise<LocalNeo4jStatus> {
  const f = files(opts.dataDir);
  const pid = readPidFile(f.pid);
  const running = pid !== undefined && isOurInstance(pid, f.dir);
  const ports = running ? runningPorts(pid) : {};
  const boltPort = ports.boltPort ?? opts.boltPort;
  const httpPort = running ? (ports.httpPort ?? (commandLine(pid) ? undefined : opts.httpPort)) : opts.httpPort;
  const boltReady = running && readyFileMatches(f.ready, pid) && (await checkBolt(boltPort, opts.user, opts.password)) === 'ok';
  return {
    running,
    pid: running ? pid : undefined,
    boltReady,
    boltUrl: boltUrlOf(boltPort),
    httpUrl: httpUrlOf(httpPort),
    dataDir: f.dir,
    logFile: f.log,
  };
}
