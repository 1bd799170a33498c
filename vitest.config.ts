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
    ],
  },
});
