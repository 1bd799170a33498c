import { ConfigError } from './config.ts';
import { GraphUnavailableError } from './graph-connection.ts';

/** Errors whose message already says what went wrong and how to fix it. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

const EXPECTED = [ConfigError, GraphUnavailableError, UserFacingError];

/**
 * Runs a command's main function: expected failures print one line and exit 1; anything
 * else is a bug and keeps its stack trace.
 */
export function runCli(prefix: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = typeof code === 'number' ? code : 0;
    },
    (error: unknown) => {
      if (EXPECTED.some((kind) => error instanceof kind)) {
        process.stderr.write(`${prefix}: ${(error as Error).message}\n`);
      } else {
        process.stderr.write(`${prefix}: unexpected error\n${(error as Error)?.stack ?? String(error)}\n`);
      }
      process.exitCode = 1;
    },
  );
}
