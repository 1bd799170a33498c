import type { Encoding } from '../records.ts';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding }
  | { readonly ok: false; readonly reason: 'binary' | 'empty' | 'undecodable'; readonly detail: string };

/**
 * Decodes a file's bytes as UTF-8 (with or without BOM), Shift_JIS or EUC-JP, telling which
 * from the bytes alone. When more than one decoder accepts the bytes (short EUC-JP text is
 * often valid Shift_JIS too, as half-width katakana), the text that reads most like Japanese
 * wins; ties go to UTF-8, then Shift_JIS.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'the file has zero bytes' };

  const magic = MAGIC_NUMBERS.find((m) => startsWith(bytes, m.bytes));
  if (magic) return { ok: false, reason: 'binary', detail: `looks like ${magic.name} (magic number)` };

  if (startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM)) {
    return { ok: false, reason: 'undecodable', detail: 'UTF-16 text (byte order mark) is not supported; save it as UTF-8' };
  }

  if (startsWith(bytes, UTF8_BOM)) {
    const text = tryDecode('utf-8', bytes.subarray(UTF8_BOM.length));
    if (text === null) return { ok: false, reason: 'undecodable', detail: 'starts with a UTF-8 byte order mark but is not valid UTF-8' };
    return finish(text, 'utf-8');
  }

  const binary = binaryReason(bytes);
  if (binary) return { ok: false, reason: 'binary', detail: binary };

  if (hasIso2022Escape(bytes)) {
    return { ok: false, reason: 'undecodable', detail: 'ISO-2022-JP (JIS) text is not supported; save it as UTF-8' };
  }

  if (bytes.every((b) => b < 0x80)) return finish(ASCII_DECODER.decode(bytes), 'utf-8');

  let best: { text: string; encoding: Encoding; score: number } | null = null;
  for (const encoding of CANDIDATES) {
    const text = tryDecode(encoding, bytes);
    if (text === null) continue;
    const score = japaneseScore(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  if (!best) return { ok: false, reason: 'undecodable', detail: 'not valid UTF-8, Shift_JIS or EUC-JP' };
  return finish(best.text, best.encoding);
}

/**
 * How much a decoded text reads like Japanese: the share of its non-ASCII characters that are
 * kana, CJK ideographs, Japanese punctuation, full-width forms or common symbols (※, ①, ■),
 * plus a bonus for the share of kana. Mojibake produces half-width katakana, Latin-1 letters
 * and private-use characters, which count for nothing. Returns a value in [0, 1.5].
 */
export function japaneseScore(text: string): number {
  let nonAscii = 0;
  let plausible = 0;
  let kana = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) {
      kana++;
      plausible++;
    } else if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation: 、。「」
      (c >= 0xff01 && c <= 0xff5e) || // full-width ASCII forms
      (c >= 0x2000 && c <= 0x2bff) || // punctuation, arrows, ①, ■, ※
      (c >= 0xf900 && c <= 0xfaff) // CJK compatibility ideographs
    ) {
      plausible++;
    }
  }
  if (nonAscii === 0) return 1.5;
  return plausible / nonAscii + (0.5 * kana) / nonAscii;
}

const CANDIDATES: readonly Encoding[] = ['utf-8', 'shift_jis', 'euc-jp'];

const DECODERS: Readonly<Record<Encoding, TextDecoder>> = {
  'utf-8': new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
  shift_jis: new TextDecoder('shift_jis', { fatal: true }),
  'euc-jp': new TextDecoder('euc-jp', { fatal: true }),
};
const ASCII_DECODER = new TextDecoder('utf-8');

function tryDecode(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    return DECODERS[encoding].decode(bytes);
  } catch {
    return null;
  }
}

function finish(text: string, encoding: Encoding): DecodeResult {
  if (BLANK.test(text)) return { ok: false, reason: 'empty', detail: 'the file holds only whitespace' };
  return { ok: true, text, encoding };
}

const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16_LE_BOM = [0xff, 0xfe] as const;
const UTF16_BE_BOM = [0xfe, 0xff] as const;

const MAGIC_NUMBERS: ReadonlyArray<{ readonly name: string; readonly bytes: readonly number[] }> = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'ZIP (or docx/xlsx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP (empty)', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { name: 'OLE2 (doc/xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Share of C0 control bytes (other than tab, newline, CR, form feed, ESC) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.02;

function binaryReason(bytes: Uint8Array): string | null {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return `contains a NUL byte at offset ${i}`;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) controls++;
  }
  const share = controls / bytes.length;
  return share > MAX_CONTROL_SHARE ? `${(share * 100).toFixed(1)}% of its bytes are control characters` : null;
}

/** ESC $ B, ESC $ @ or ESC ( J: the designations ISO-2022-JP switches character sets with. */
function hasIso2022Escape(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== 0x1b) continue;
    const a = bytes[i + 1];
    const b = bytes[i + 2];
    if ((a === 0x24 && (b === 0x42 || b === 0x40)) || (a === 0x28 && b === 0x4a)) return true;
  }
  return false;
}
