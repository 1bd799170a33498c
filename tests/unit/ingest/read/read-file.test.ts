import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUpload, listSources, readSource, sourceKey } from '../../../../ingest/read/read-file.ts';
import { encodeShiftJis } from '../../../support/legacy-encoders.ts';

let root: string;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'read-file-'));
  await mkdir(path.join(root, '2025', '03'), { recursive: true });
  await mkdir(path.join(root, '.git'));
  await mkdir(path.join(root, 'notes'));
  await writeFile(path.join(root, '2025', '03', '12_見本株式会社.md'), '# 公表概要\n- 不正アクセスについて\n');
  await writeFile(path.join(root, '2025', '03', '01_sjis.txt'), encodeShiftJis('システム障害のお知らせ\r\n'));
  await writeFile(path.join(root, '2025', 'README.md'), '# about');
  await writeFile(path.join(root, 'EXPECTED.md'), '# expected');
  await writeFile(path.join(root, '.hidden.md'), 'hidden');
  await writeFile(path.join(root, '.git', 'HEAD.md'), 'ref');
  await writeFile(path.join(root, 'notes', 'page.HTM'), '<p>本文</p>');
  await writeFile(path.join(root, 'notes', 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(path.join(root, 'empty.txt'), '');
  await symlink(root, path.join(root, 'notes', 'loop'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readSource', () => {
  it('decodes a file, keys it by its path under root and hashes the raw bytes', async () => {
    const file = path.join(root, '2025', '03', '01_sjis.txt');
    const result = await readSource(file, { root, maxBytes: 1000 });
    expect(result).toEqual({
      ok: true,
      source: '2025/03/01_sjis.txt',
      extension: '.txt',
      encoding: 'shift_jis',
      sha256: sha256(encodeShiftJis('システム障害のお知らせ\r\n')),
      text: 'システム障害のお知らせ\r\n',
    });
  });

  it('reads .htm as .html', async () => {
    const result = await readSource(path.join(root, 'notes', 'page.HTM'), { root, maxBytes: 1000 });
    expect(result).toMatchObject({ ok: true, extension: '.html', source: 'notes/page.HTM' });
  });

  it('refuses other extensions without reading them', async () => {
    const result = await readSource(path.join(root, 'notes', 'image.png'), { root, maxBytes: 1000 });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported-type', source: 'notes/image.png' });
  });

  it('refuses a file larger than maxBytes', async () => {
    const result = await readSource(path.join(root, '2025', '03', '12_見本株式会社.md'), { root, maxBytes: 10 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('reports an empty file and a missing one', async () => {
    expect(await readSource(path.join(root, 'empty.txt'), { root, maxBytes: 10 })).toMatchObject({ ok: false, reason: 'empty' });
    expect(await readSource(path.join(root, 'missing.md'), { root, maxBytes: 10 })).toMatchObject({ ok: false, reason: 'unreadable', source: 'missing.md' });
  });

  it('keys a file outside root by its absolute path', () => {
    expect(sourceKey('/elsewhere/a.md', root)).toBe('/elsewhere/a.md');
  });
});

describe('listSources', () => {
  it('expands folders recursively, sorted, without dot-files, README.md or EXPECTED.md', async () => {
    const files = await listSources([root]);
    expect(files.map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual([
      '2025/03/01_sjis.txt',
      '2025/03/12_見本株式会社.md',
      'empty.txt',
      'notes/image.png',
      'notes/page.HTM',
    ]);
  });

  it('keeps files named explicitly, even missing ones, and removes duplicates', async () => {
    const readme = path.join(root, '2025', 'README.md');
    const missing = path.join(root, 'missing.md');
    const files = await listSources([readme, missing, readme]);
    expect(files).toEqual([readme, missing].sort());
  });
});

describe('decodeUpload', () => {
  it('decodes uploaded bytes under the given name', () => {
    const bytes = utf8('# 本文\n本日、不正アクセスを確認しました。');
    expect(decodeUpload('uploads\\report.md', bytes, 1000)).toEqual({
      ok: true,
      source: 'uploads/report.md',
      extension: '.md',
      encoding: 'utf-8',
      sha256: sha256(bytes),
      text: '# 本文\n本日、不正アクセスを確認しました。',
    });
  });

  it('applies the same checks as files', () => {
    expect(decodeUpload('a.pdf', utf8('x'), 10)).toMatchObject({ ok: false, reason: 'unsupported-type' });
    expect(decodeUpload('a.md', utf8('0123456789A'), 10)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(decodeUpload('a.md', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 10)).toMatchObject({ ok: false, reason: 'binary' });
  });
});
