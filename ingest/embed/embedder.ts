/**
 * Sentence embeddings with multilingual-e5-small through transformers.js (onnxruntime-node).
 *
 * E5 expects a `passage: ` prefix on indexed text and `query: ` on search queries; vectors are the
 * attention-masked mean of the last hidden state, L2-normalised (so cosine = dot product).
 *
 * Offline (the default) loads only `<modelDir>/<model>/` (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model_quantized.onnx), as put there by `npm run model:fetch`;
 * online lets transformers.js fetch from the Hugging Face hub (after looking in modelDir).
 * This module reads no environment variables: pass the options in (see config.ts `embedding`).
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';
export const MODEL_FETCH_COMMAND = 'npm run model:fetch';

export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Embeds indexed text (adds the `passage: ` prefix); one unit-length vector per text, in order. */
  embedPassages(texts: string[]): Promise<Float32Array[] | number[][]>;
  /** Embeds a search query (adds the `query: ` prefix); a unit-length vector. */
  embedQuery(text: string): Promise<number[]>;
}

export interface EmbedderOptions {
  /** Model id, a folder under modelDir and a hub id. Default Xenova/multilingual-e5-small. */
  model?: string;
  /** Folder holding `<model>/…` (MODEL_DIR). */
  modelDir: string;
  /** Load only from modelDir, never from the network. Default true. */
  offline?: boolean;
  /** Texts per forward pass in embedPassages. Default 16. */
  batchSize?: number;
  /** Expected vector size; checked when the model loads. Default: what the model gives. */
  dimensions?: number;
}

/** The model folder is not there (or incomplete) in offline mode. */
export class EmbeddingModelMissingError extends Error {
  override name = 'EmbeddingModelMissingError';
  constructor(
    readonly folder: string,
    readonly missing: string[],
  ) {
    super(`embedding model not found in ${folder} (missing ${missing.join(', ')}); run \`${MODEL_FETCH_COMMAND}\` to put it there, or set MODEL_DIR`);
  }
}

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

/** Where the model's files are for offline use. */
export function modelFolder(modelDir: string, model: string = DEFAULT_EMBEDDING_MODEL): string {
  return path.resolve(modelDir, ...model.split('/'));
}

/** Files of the model that are absent from modelDir ([] when it is complete). */
export function missingModelFiles(modelDir: string, model: string = DEFAULT_EMBEDDING_MODEL): string[] {
  const folder = modelFolder(modelDir, model);
  return REQUIRED_FILES.filter((file) => !fs.existsSync(path.join(folder, file)));
}

interface Extractor {
  (texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ data: Float32Array; dims: number[] }>;
}

/**
 * Loads the model and returns an embedder. Rejects with EmbeddingModelMissingError (one line
 * naming the folder and the fetch command) when offline and the model folder is incomplete.
 */
export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const offline = options.offline ?? true;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 16));
  const modelDir = path.resolve(options.modelDir);

  if (offline) {
    const missing = missingModelFiles(modelDir, model);
    if (missing.length > 0) throw new EmbeddingModelMissingError(modelFolder(modelDir, model), missing);
  }

  // Loaded lazily: importing this module stays cheap for code that only needs the types.
  const { env, pipeline } = await import('@xenova/transformers');
  // transformers.js keeps these settings globally; they only matter while a model loads.
  env.localModelPath = `${modelDir}${path.sep}`;
  env.allowLocalModels = true;
  env.allowRemoteModels = !offline;
  const extractor = (await pipeline('feature-extraction', model, {
    quantized: true,
    local_files_only: offline,
  })) as unknown as Extractor;

  // Calls to onnxruntime are serialised: concurrent runs only fight over the same cores.
  let queue: Promise<unknown> = Promise.resolve();
  const run = (texts: string[]): Promise<Float32Array[]> => {
    const next = queue.then(async () => {
      const out = await extractor(texts, { pooling: 'mean', normalize: true });
      const dim = out.dims[out.dims.length - 1] ?? 0;
      return texts.map((_, i) => out.data.slice(i * dim, (i + 1) * dim));
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const probe = await run(['query: ok']);
  const dimensions = probe[0]?.length ?? 0;
  if (options.dimensions !== undefined && options.dimensions !== dimensions) {
    throw new Error(`embedding model ${model} gives ${dimensions}-dimensional vectors, but ${options.dimensions} were expected (EMBEDDING_DIMENSIONS)`);
  }

  return {
    modelId: model,
    dimensions,
    async embedPassages(texts: string[]): Promise<Float32Array[]> {
      // Shortest first, so each batch pads little; results go back in input order.
      const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
      const result = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += batchSize) {
        const ids = order.slice(start, start + batchSize);
        const vectors = await run(ids.map((i) => `passage: ${texts[i]}`));
        ids.forEach((id, j) => (result[id] = vectors[j]!));
      }
      return result;
    },
    async embedQuery(text: string): Promise<number[]> {
      const [vector] = await run([`query: ${text}`]);
      return Array.from(vector!);
    },
  };
}
