import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbedder, EmbeddingModelMissingError, missingModelFiles, modelFolder } from '../../../ingest/embed/embedder.ts';

describe('embedder model location', () => {
  it('maps a model id to a folder under the model dir', () => {
    expect(modelFolder('/m', 'Xenova/multilingual-e5-small')).toBe(path.resolve('/m/Xenova/multilingual-e5-small'));
  });

  it('lists every required file of an absent model', () => {
    expect(missingModelFiles(path.join(os.tmpdir(), 'nowhere-e5'))).toEqual([
      'config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx',
    ]);
  });

  it('rejects offline with a one-line error naming the folder and the fetch command', async () => {
    const dir = path.join(os.tmpdir(), 'nowhere-e5');
    const error = await createEmbedder({ modelDir: dir, model: 'Some/model' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingModelMissingError);
    const message = (error as Error).message;
    expect(message).toContain(path.join(dir, 'Some', 'model'));
    expect(message).toContain('npm run model:fetch');
    expect(message.split('\n')).toHaveLength(1);
  });
});
