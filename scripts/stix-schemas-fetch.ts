/**
 * npm run stix:fetch — puts the official OASIS STIX 2.1 JSON schemas in .cache/stix2-json-schemas
 * (git-ignored) for the export test. They come from a registry, never from the repository:
 * stix2-validator 3.1.4 on PyPI ships them (later releases download them at run time instead).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../run-cli.ts';
import { STIX_SCHEMA_DIR } from './stix-schema-dir.ts';
import { ensureWheel, findPython, readZipMembers, type WheelSource } from './pypi-wheels.ts';


const WHEEL: WheelSource = {
  pkg: 'stix2-validator',
  version: '3.1.4',
  file: 'stix2_validator-3.1.4-py2.py3-none-any.whl',
  sha256: '4b8870de4c5da8f26266c0997628dd9e18d31d6fa42c24b4a54f1de6fb4eccac',
};
const PREFIX = 'stix2validator/schemas-2.1/schemas/';

runCli('stix:fetch', async () => {
  if (fs.existsSync(path.join(STIX_SCHEMA_DIR, 'common', 'bundle.json'))) {
    console.log(`stix:fetch: schemas already in place: ${STIX_SCHEMA_DIR}`);
    return 0;
  }
  const cacheDir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'jp-incident-graph', 'pip');
  let python: string | undefined;
  const wheel = ensureWheel(WHEEL, cacheDir, () => (python ??= findPython(process.env.PYTHON)), 'stix:fetch');
  const members = readZipMembers(wheel, (name) => name.startsWith(PREFIX) && name.endsWith('.json'));
  const staging = `${STIX_SCHEMA_DIR}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const [name, data] of members) {
    const target = path.join(staging, name.slice(PREFIX.length));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
  fs.rmSync(STIX_SCHEMA_DIR, { recursive: true, force: true });
  fs.renameSync(staging, STIX_SCHEMA_DIR);
  console.log(`stix:fetch: ${members.size} schemas from ${WHEEL.pkg} ${WHEEL.version} → ${STIX_SCHEMA_DIR}`);
  return 0;
});
