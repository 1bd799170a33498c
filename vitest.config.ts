import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/test-neo4j-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Neo4j for all files: files run one after another so they never race on the same graph.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/test-neo4j-setup.ts', 'tests/browser/support/build-web.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Browser files reload the test graph (without embeddings); as their own group they
          // never run between two integration files that expect the embedded seeds.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
