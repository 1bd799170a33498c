import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../config.ts';

export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

/**
 * Vitest globalSetup of the browser tests: builds the graph browser (`npm run web:build`,
 * which typechecks web/ and writes web/dist) so the tests never run against a stale build.
 * KG_WEB_SKIP_BUILD=1 reuses an existing web/dist.
 */
export default function buildWeb(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (process.env.KG_WEB_SKIP_BUILD === '1' && fs.existsSync(index)) return;
  try {
    execFileSync('npm', ['run', '--silent', 'web:build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`\`npm run web:build\` failed, so the browser tests cannot run:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`, { cause: error });
  }
  if (!fs.existsSync(index)) throw new Error(`\`npm run web:build\` finished but ${index} does not exist`);
}
