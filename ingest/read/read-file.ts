import { createHash } from 'node:crypto';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DecodedSource, ReadFailure, ReadResult } from '../records.ts';
import { decodeText } from './decode-text.ts';

export interface ReadOptions {
  /** Sources are keyed by their path relative to this folder (absolute when outside it). */
  readonly root: string;
  /** Files larger than this are refused as 'too-large' without being read. */
  readonly maxBytes: number;
}

/** Reads one file: checks its type and size, decodes it and hashes its raw bytes. */
export async function readSource(filePath: string, options: ReadOptions): Promise<ReadResult> {
  const source = sourceKey(filePath, options.root);
  const extension = sourceExtension(filePath);
  if (!extension) return unsupported(source, filePath);

  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    return failure(source, 'unreadable', describe(error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return failure(source, 'unreadable', 'not a regular file');
    if (info.size > options.maxBytes) return tooLarge(source, info.size, options.maxBytes);
    // Read at most maxBytes + 1: a file that grew since stat() is still caught as too large.
    const buffer = new Uint8Array(Math.min(info.size, options.maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > options.maxBytes) return tooLarge(source, length, options.maxBytes);
    return decodeSource(source, extension, buffer.subarray(0, length));
  } catch (error) {
    return failure(source, 'unreadable', describe(error));
  } finally {
    await handle.close();
  }
}

/** The same checks for content that arrives as bytes (an upload): `name` is the source key. */
export function decodeUpload(name: string, bytes: Uint8Array, maxBytes: number): ReadResult {
  const source = name.replace(/\\/g, '/');
  const extension = sourceExtension(name);
  if (!extension) return unsupported(source, name);
  if (bytes.length > maxBytes) return tooLarge(source, bytes.length, maxBytes);
  return decodeSource(source, extension, bytes);
}

/**
 * Expands folders recursively into the files under them, sorted by path. Skipped while
 * expanding a folder: dot-files and dot-folders, and files named README.md or EXPECTED.md at
 * any level (they document a corpus rather than belong to it). A path given explicitly is
 * always kept, even when it does not exist: readSource then reports it as unreadable.
 */
export async function listSources(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  const visited = new Set<string>();
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch {
      found.add(given);
      continue;
    }
    if (info.isDirectory()) await walk(given, found, visited);
    else found.add(given);
  }
  return [...found].sort(compareStrings);
}

/** The extension a source is read as, or null when its type is not supported. */
export function sourceExtension(name: string): DecodedSource['extension'] | null {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.md') return '.md';
  if (ext === '.txt') return '.txt';
  if (ext === '.html' || ext === '.htm') return '.html';
  return null;
}

/** Path relative to root with forward slashes; the absolute path when outside root. */
export function sourceKey(filePath: string, root: string): string {
  const absolute = path.resolve(filePath);
  const relative = path.relative(path.resolve(root), absolute);
  const key = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return key.split(path.sep).join('/');
}

const SKIPPED_NAMES = new Set(['README.md', 'EXPECTED.md']);

async function walk(dir: string, found: Set<string>, visited: Set<string>): Promise<void> {
  const real = await realpath(dir);
  if (visited.has(real)) return; // a symlink cycle
  visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDirectory) await walk(full, found, visited);
    else if (isFile && !SKIPPED_NAMES.has(entry.name)) found.add(full);
  }
}

function decodeSource(source: string, extension: DecodedSource['extension'], bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure(source, decoded.reason, decoded.detail);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, source, extension, encoding: decoded.encoding, sha256, text: decoded.text };
}

function failure(source: string, reason: ReadFailure['reason'], detail: string): ReadFailure {
  return { ok: false, source, reason, detail };
}

function unsupported(source: string, name: string): ReadFailure {
  const ext = path.extname(name) || '(none)';
  return failure(source, 'unsupported-type', `extension ${ext} is not one of .md, .txt, .html, .htm`);
}

function tooLarge(source: string, size: number, maxBytes: number): ReadFailure {
  return failure(source, 'too-large', `${size} bytes exceeds the limit of ${maxBytes} bytes`);
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
