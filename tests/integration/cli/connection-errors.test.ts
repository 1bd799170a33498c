import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.ts';
import { PROJECT_ROOT } from '../../../config.ts';
import { testConfig } from '../../support/neo4j-fixture.ts';

/** Runs a command the way a user does and returns its exit code and what it printed. */
function run(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}


describe('configuration errors give one clear line, not a stack trace', () => {
  it('a malformed NEO4J_URI', () => {
    const { code, stderr } = run('scripts/db-migrate.ts', { NEO4J_URI: 'http//not-a-uri' });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/NEO4J_URI/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a wrong password', () => {
    const neo4j = testConfig().neo4j;
    const { code, stderr } = run('scripts/db-migrate.ts', { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: 'not-the-password' });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/wrong NEO4J_USER or NEO4J_PASSWORD/);
  });

  it('Neo4j unreachable: the cause and the fix, and a non-zero exit (the 60 s spawn timeout guards against a hang)', async () => {
    const port = await freePort();
    const { code, stderr } = run('scripts/db-migrate.ts', { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_CONNECT_TIMEOUT_MS: '3000' });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unreachable at bolt:\/\/127\.0\.0\.1/);
    expect(stderr).toMatch(/NEO4J_URI/);
  });

  it('the local default names the start command as the fix', async () => {
    const port = await freePort();
    const { code, stderr } = run('ingest/cli.ts', { NEO4J_URI: '', NEO4J_LOCAL_BOLT_PORT: String(port), NEO4J_CONNECT_TIMEOUT_MS: '3000' }, ['--no-embed', 'seeds']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unreachable at bolt:\/\/127\.0\.0\.1:\d+ .*start it with `npm run neo4j:start`, or set NEO4J_URI/);
  });
});
