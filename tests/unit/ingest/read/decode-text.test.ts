import { describe, expect, it } from 'vitest';
import { decodeText, japaneseScore } from '../../../../ingest/read/decode-text.ts';
import { encodeEucJp, encodeShiftJis } from '../../../support/legacy-encoders.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const PARAGRAPH = '当社のサーバーが第三者による不正アクセスを受け、一部のファイルが暗号化されました。現在、外部の専門家と調査を進めております。';

describe('decodeText', () => {
  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeText(utf8(PARAGRAPH))).toEqual({ ok: true, text: PARAGRAPH, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte order mark and drops the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# 公表概要')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: '# 公表概要', encoding: 'utf-8' });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('VPN and MFA\n'))).toEqual({ ok: true, text: 'VPN and MFA\n', encoding: 'utf-8' });
  });

  it('reads hand-written Shift_JIS bytes (あいう漢字)', () => {
    const bytes = new Uint8Array([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4, 0x8a, 0xbf, 0x8e, 0x9a]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'あいう漢字', encoding: 'shift_jis' });
  });

  it('reads hand-written EUC-JP bytes (あいう漢字)', () => {
    const bytes = new Uint8Array([0xa4, 0xa2, 0xa4, 0xa4, 0xa4, 0xa6, 0xb4, 0xc1, 0xbb, 0xfa]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'あいう漢字', encoding: 'euc-jp' });
  });

  it('the test encoders agree with the hand-written bytes', () => {
    expect([...encodeShiftJis('あいう漢字')]).toEqual([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4, 0x8a, 0xbf, 0x8e, 0x9a]);
    expect([...encodeEucJp('あいう漢字')]).toEqual([0xa4, 0xa2, 0xa4, 0xa4, 0xa4, 0xa6, 0xb4, 0xc1, 0xbb, 0xfa]);
  });

  it('reads a Shift_JIS paragraph with ASCII, digits and full-width symbols', () => {
    const text = `【お知らせ】2025年3月12日\r\n${PARAGRAPH}\r\n※VPN機器を更新しました。`;
    expect(decodeText(encodeShiftJis(text))).toEqual({ ok: true, text, encoding: 'shift_jis' });
  });

  it('reads an EUC-JP paragraph', () => {
    const text = `# 本文\n${PARAGRAPH}\n`;
    expect(decodeText(encodeEucJp(text))).toEqual({ ok: true, text, encoding: 'euc-jp' });
  });

  it('prefers EUC-JP when the same bytes are also valid Shift_JIS (half-width katakana)', () => {
    const bytes = encodeEucJp('ご確認ください');
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).not.toBe('ご確認ください');
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'ご確認ください', encoding: 'euc-jp' });
  });

  it('keeps Shift_JIS when the text mixes half-width katakana with hiragana', () => {
    const text = 'ｼｽﾃﾑ障害のお知らせ';
    expect(decodeText(encodeShiftJis(text))).toEqual({ ok: true, text, encoding: 'shift_jis' });
  });

  it('calls zero bytes empty', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('calls whitespace-only text empty, ideographic spaces included', () => {
    expect(decodeText(utf8(' \n\t\u3000\r\n'))).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).toMatchObject({ ok: false, reason: 'empty' });
  });

  it.each([
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00]],
  ])('calls a %s file binary by its magic number', (name, bytes) => {
    const result = decodeText(new Uint8Array(bytes));
    expect(result).toMatchObject({ ok: false, reason: 'binary' });
    expect(!result.ok && result.detail).toContain(name);
  });

  it('calls text with a NUL byte binary', () => {
    expect(decodeText(new Uint8Array([...utf8('本文'), 0x00, ...utf8('です')]))).toMatchObject({ ok: false, reason: 'binary' });
  });

  it('calls bytes full of control characters binary', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    expect(decodeText(bytes)).toMatchObject({ ok: false, reason: 'binary' });
  });

  it('calls bytes valid in none of the encodings undecodable', () => {
    expect(decodeText(new Uint8Array([0x41, 0xff, 0xfe, 0x41, 0xff]))).toMatchObject({ ok: false, reason: 'undecodable' });
  });

  it('refuses UTF-16 and ISO-2022-JP as undecodable with a reason', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x42, 0x30]))).toMatchObject({ ok: false, reason: 'undecodable', detail: expect.stringContaining('UTF-16') });
    const jis = new Uint8Array([0x1b, 0x24, 0x42, 0x24, 0x22, 0x1b, 0x28, 0x42]);
    expect(decodeText(jis)).toMatchObject({ ok: false, reason: 'undecodable', detail: expect.stringContaining('ISO-2022-JP') });
  });

  it('refuses text with a UTF-8 byte order mark but invalid UTF-8 after it', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x82, 0xa0]))).toMatchObject({ ok: false, reason: 'undecodable' });
  });
});

describe('japaneseScore', () => {
  it('scores Japanese above the mojibake another decoder makes of the same bytes', () => {
    const bytes = encodeEucJp(PARAGRAPH);
    const mojibake = new TextDecoder('shift_jis').decode(bytes);
    expect(japaneseScore(PARAGRAPH)).toBeGreaterThan(1);
    expect(japaneseScore(mojibake)).toBeLessThan(japaneseScore(PARAGRAPH));
  });
});
