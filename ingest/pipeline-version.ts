import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

/**
 * A fingerprint of the code that turns text into facts (ingest/ and graph-schema/). A file
 * is skipped only when both its bytes and this fingerprint are unchanged, so upgrading the
 * extractors re-derives the facts of every document on the next ingest.
 */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of ['ingest', 'graph-schema'].flatMap((d) => walk(path.join(PROJECT_ROOT, d))).sort()) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export const PIPELINE_VERSION = fingerprint();
