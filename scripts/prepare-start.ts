/**
 * Runs before `npm start` (npm's prestart): puts the embedding model in place when it is
 * missing and builds the graph browser when web/dist is missing or older than its sources,
 * so the README's first command works on a fresh machine. Both steps are skipped when done.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config.ts';
import { missingModelFiles } from '../ingest/embed/embedder.ts';
import { runCli, UserFacingError } from '../run-cli.ts';

function npmRun(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new UserFacingError(`\`npm run ${script}\` failed (exit ${result.status ?? result.signal})`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

runCli('prestart', async () => {
  const config = loadConfig();
  if (config.embedding.offline && missingModelFiles(config.embedding.modelDir, config.embedding.model).length > 0) npmRun('model:fetch');
  const web = path.join(PROJECT_ROOT, 'web');
  const built = path.join(web, 'dist', 'index.html');
  const sources = [path.join(web, 'src'), path.join(web, 'index.html')].filter((p) => fs.existsSync(p));
  const sourceTime = Math.max(...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)));
  if (sources.length > 0 && (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourceTime)) npmRun('web:build');
});
