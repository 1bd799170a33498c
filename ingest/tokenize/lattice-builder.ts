import { createRequire } from 'node:module';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

/**
 * kuromoji's lattice builder (ViterbiBuilder.build) re-encodes the whole rest of the
 * sentence to UTF-8 and re-scans it for surrogate pairs at every character, which is
 * quadratic in the sentence length: a long line without 、 or 。 (a table row, a list of
 * names) made it most of the tokenizer's time. This builds the identical lattice in linear
 * time: the dictionary trie is walked character by character from the current position
 * and stops where the trie does, which is exactly what commonPrefixSearch returns.
 * tests/unit/ingest/tokenize/lattice-builder.test.ts checks both builders agree.
 */

interface ByteArray {
  getShort(index: number): number;
}
interface DoubleArrayTrie {
  traverse(parent: number, code: number): number;
  bc: { getBase(node: number): number };
}
interface UnknownClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}
interface ViterbiBuilderInternals {
  trie: DoubleArrayTrie;
  token_info_dictionary: { target_map: Record<number, number[]>; dictionary: ByteArray };
  unknown_dictionary: { target_map: Record<number, number[]>; dictionary: ByteArray; lookup(ch: string): UnknownClass };
  build(sentence: string): unknown;
}
interface ViterbiLattice {
  append(node: unknown): void;
  appendEos(): void;
}
type LatticeConstructor = new () => ViterbiLattice;
type NodeConstructor = new (
  nodeName: number,
  cost: number,
  startPos: number,
  length: number,
  type: 'KNOWN' | 'UNKNOWN',
  leftId: number,
  rightId: number,
  surfaceForm: string,
) => unknown;

const require = createRequire(import.meta.url);
const ViterbiLatticeClass = require('kuromoji/src/viterbi/ViterbiLattice.js') as LatticeConstructor;
const ViterbiNodeClass = require('kuromoji/src/viterbi/ViterbiNode.js') as NodeConstructor;

const TRIE_ROOT = 0;
const TRIE_TERMINAL = 0;
const TRIE_NOT_FOUND = -1;

/** Replaces this tokenizer's lattice builder with the linear one. */
export function useLinearLatticeBuilder(tokenizer: Tokenizer<IpadicFeatures>): void {
  const builder = (tokenizer as unknown as { viterbi_builder: ViterbiBuilderInternals }).viterbi_builder;
  builder.build = (sentence: string) => buildLattice(builder, sentence);
}

/** The dictionary words starting at `from`: [trie record id, length in UTF-16 units]. */
export function prefixMatches(trie: DoubleArrayTrie, text: string, from: number): Array<[number, number]> {
  const matches: Array<[number, number]> = [];
  let node = TRIE_ROOT;
  let i = from;
  const bytes: number[] = [];
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && codePoint === unit) break; // lone surrogate: kuromoji fails to encode it too
    i += codePoint > 0xffff ? 2 : 1;
    utf8(codePoint, bytes);
    for (const byte of bytes) {
      node = trie.traverse(node, byte);
      if (node === TRIE_NOT_FOUND) return matches;
    }
    const leaf = trie.traverse(node, TRIE_TERMINAL);
    if (leaf !== TRIE_NOT_FOUND) {
      const base = trie.bc.getBase(leaf);
      if (base <= 0) matches.push([-base - 1, i - from]);
    }
  }
  return matches;
}

function utf8(codePoint: number, out: number[]): void {
  out.length = 0;
  if (codePoint < 0x80) out.push(codePoint);
  else if (codePoint < 0x800) out.push((codePoint >>> 6) | 0xc0, (codePoint & 0x3f) | 0x80);
  else if (codePoint < 0x10000) out.push((codePoint >>> 12) | 0xe0, ((codePoint >> 6) & 0x3f) | 0x80, (codePoint & 0x3f) | 0x80);
  else out.push((codePoint >>> 18) | 0xf0, ((codePoint >> 12) & 0x3f) | 0x80, ((codePoint >> 6) & 0x3f) | 0x80, (codePoint & 0x3f) | 0x80);
}

/** Character (code point) boundaries of `text`, as kuromoji's SurrogateAwareString counts them. */
function characterStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) i++;
  }
  return starts;
}

function buildLattice(builder: ViterbiBuilderInternals, sentence: string): ViterbiLattice {
  const lattice = new ViterbiLatticeClass();
  const starts = characterStarts(sentence);
  const charAt = (index: number) => sentence.slice(starts[index], starts[index + 1] ?? sentence.length);
  const known = builder.token_info_dictionary;
  const unknown = builder.unknown_dictionary;

  for (let pos = 0; pos < starts.length; pos++) {
    const matches = prefixMatches(builder.trie, sentence, starts[pos]!);
    for (const [trieId, length] of matches) {
      const surface = sentence.substr(starts[pos]!, length);
      for (const id of known.target_map[trieId]!) {
        const tokenInfoId = Number(id);
        const d = known.dictionary;
        // kuromoji counts a known word's length in UTF-16 units (dictionary words have no surrogates).
        lattice.append(new ViterbiNodeClass(tokenInfoId, d.getShort(tokenInfoId + 4), pos + 1, surface.length, 'KNOWN', d.getShort(tokenInfoId), d.getShort(tokenInfoId + 2), surface));
      }
    }

    const head = charAt(pos);
    const headClass = unknown.lookup(head);
    if (matches.length === 0 || headClass.is_always_invoke === 1) {
      let key = head;
      // kuromoji keeps a one-character key as a character count (1) and a grouped key as UTF-16 units.
      let length = 1;
      if (headClass.is_grouping === 1 && starts.length - pos > 1) {
        for (let k = pos + 1; k < starts.length; k++) {
          const next = charAt(k);
          if (headClass.class_name !== unknown.lookup(next).class_name) break;
          key += next;
          length = key.length;
        }
      }
      for (const id of unknown.target_map[headClass.class_id]!) {
        const unknownId = Number(id);
        const d = unknown.dictionary;
        lattice.append(new ViterbiNodeClass(unknownId, d.getShort(unknownId + 4), pos + 1, length, 'UNKNOWN', d.getShort(unknownId), d.getShort(unknownId + 2), key));
      }
    }
  }
  lattice.appendEos();
  return lattice;
}
