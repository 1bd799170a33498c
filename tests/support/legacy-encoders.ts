/**
 * Shift_JIS and EUC-JP encoders for tests, built by inverting Node's own (ICU) decoders over
 * every byte pair, so tests can produce real legacy-encoded bytes without an encoding
 * dependency. Where several byte sequences decode to one character (NEC/IBM duplicates), the
 * lowest sequence wins, as in common encoders.
 */
type Table = ReadonlyMap<string, readonly number[]>;

let shiftJis: Table | null = null;
let eucJp: Table | null = null;

export function encodeShiftJis(text: string): Uint8Array {
  shiftJis ??= buildTable('shift_jis', [
    ...range(0x00, 0x7f).map((b) => [b]),
    ...range(0xa1, 0xdf).map((b) => [b]),
    ...pairs([...range(0x81, 0x9f), ...range(0xe0, 0xfc)], [...range(0x40, 0x7e), ...range(0x80, 0xfc)]),
  ]);
  return encode(text, shiftJis, 'Shift_JIS');
}

export function encodeEucJp(text: string): Uint8Array {
  eucJp ??= buildTable('euc-jp', [
    ...range(0x00, 0x7f).map((b) => [b]),
    ...range(0xa1, 0xdf).map((b) => [0x8e, b]),
    ...pairs(range(0xa1, 0xfe), range(0xa1, 0xfe)),
  ]);
  return encode(text, eucJp, 'EUC-JP');
}

function buildTable(encoding: string, sequences: readonly number[][]): Table {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, readonly number[]>();
  for (const bytes of sequences) {
    let ch: string;
    try {
      ch = decoder.decode(new Uint8Array(bytes));
    } catch {
      continue;
    }
    if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
  }
  return table;
}

function encode(text: string, table: Table, name: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${JSON.stringify(ch)} has no ${name} encoding`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function pairs(leads: readonly number[], trails: readonly number[]): number[][] {
  return leads.flatMap((lead) => trails.map((trail) => [lead, trail]));
}
