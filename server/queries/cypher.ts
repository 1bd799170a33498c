import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { CypherNotReadOnlyError, InvalidCypherError } from '../errors.ts';
import { neo4jErrorKind, neo4jMessage } from '../neo4j-error-kind.ts';
import type { CypherResult } from '../routes/api/cypher/schemas.ts';
import { toPlainValue } from './plain-values.ts';

/**
 * Read-only Cypher for analysts, in layers:
 * 1. text screening: LOAD CSV, CALL { … } IN TRANSACTIONS, PERIODIC COMMIT and USE are refused outright;
 * 2. `EXPLAIN` must report queryType `r` (no writes, no schema or admin changes);
 * 3. every procedure the plan calls must be a READ-mode procedure (a DBMS procedure can be `r` too);
 * 4. the query runs in a READ-mode transaction with a timeout, so the server refuses any write it missed,
 *    and at most `limit` rows come back.
 */

export interface CypherOptions {
  readonly database: string | undefined;
  readonly timeoutMs: number;
  readonly limit: number;
}

const REFUSED: ReadonlyArray<[RegExp, string]> = [
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV reads files and URLs'],
  [/\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/i, 'CALL { … } IN TRANSACTIONS commits on its own'],
  [/\bPERIODIC\s+COMMIT\b/i, 'PERIODIC COMMIT commits on its own'],
  [/^\s*(?:CYPHER\s+[^\n]*\s+)?USE\s/i, 'USE switches to another database'],
  [/^\s*(?:EXPLAIN|PROFILE)\b/i, 'EXPLAIN/PROFILE are added by the server'],
];

const QUERY_TYPES: Record<string, string> = { w: 'write to the graph', rw: 'read and write the graph', s: 'change the schema' };

/** Why a query is refused before it reaches Neo4j, or null. Comments are checked too: refusing more is safe. */
export function screenCypher(query: string): string | null {
  for (const [pattern, reason] of REFUSED) if (pattern.test(query)) return reason;
  return null;
}

/** Procedure names in an EXPLAIN plan (ProcedureCall operators). */
export function plannedProcedures(plan: unknown): string[] {
  const names = new Set<string>();
  const visit = (op: unknown) => {
    if (!op || typeof op !== 'object') return;
    const { operatorType, arguments: args, children } = op as { operatorType?: string; arguments?: Record<string, unknown>; children?: unknown[] };
    if (typeof operatorType === 'string' && /ProcedureCall/i.test(operatorType)) {
      const details = String(args?.Details ?? args?.Signature ?? '');
      const match = /^\s*([A-Za-z_][\w.]*)\s*\(/.exec(details);
      if (match?.[1]) names.add(match[1]);
    }
    for (const child of children ?? []) visit(child);
  };
  visit(plan);
  return [...names];
}

/** Names written after CALL in the text (a backup for plans that do not name the procedure). */
export function calledNames(query: string): string[] {
  return [...query.matchAll(/\bCALL\s+([A-Za-z_`][\w.`]*)\s*(?:\(|YIELD|$)/gi)].map((m) => (m[1] ?? '').replace(/`/g, ''));
}

async function explain(session: Session, query: string, params: Record<string, unknown>) {
  try {
    const result = await session.run(`EXPLAIN ${query}`, params);
    return result.summary;
  } catch (error) {
    if (neo4jErrorKind(error) === 'client') throw new InvalidCypherError(neo4jMessage(error));
    throw error;
  }
}

export async function runReadOnlyCypher(driver: Driver, query: string, params: Record<string, unknown>, options: CypherOptions): Promise<CypherResult> {
  const refused = screenCypher(query);
  if (refused) throw new CypherNotReadOnlyError(refused);
  const started = performance.now();
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  try {
    const summary = await explain(session, query, params);
    const queryType = summary.queryType as string;
    if (queryType !== 'r') throw new CypherNotReadOnlyError(`the query would ${QUERY_TYPES[queryType] ?? `do something other than read (query type "${queryType}")`}`);

    const procedures = [...new Set([...plannedProcedures(summary.plan), ...calledNames(query)])];
    if (procedures.length > 0) {
      const modes = await session.run('SHOW PROCEDURES YIELD name, mode WHERE name IN $names RETURN name, mode', { names: procedures });
      const notRead = modes.records.filter((r) => r.get('mode') !== 'READ').map((r) => `${r.get('name')} (${r.get('mode')})`);
      if (notRead.length > 0) throw new CypherNotReadOnlyError(`only READ procedures may be called, not ${notRead.join(', ')}`);
    }

    const tx = await session.beginTransaction({ timeout: options.timeoutMs });
    const rows: unknown[][] = [];
    let columns: string[] = [];
    let truncated = false;
    try {
      const result = tx.run(query, params);
      columns = [...(await result.keys())] as string[];
      for await (const record of result) {
        if (rows.length >= options.limit) {
          truncated = true;
          break;
        }
        rows.push(columns.map((key) => toPlainValue(record.get(key))));
      }
    } catch (error) {
      const kind = neo4jErrorKind(error);
      if (kind === 'client') {
        const message = neo4jMessage(error);
        if (/access mode|read access|not allowed/i.test(message) || /AccessMode|Forbidden/.test((error as { code?: string }).code ?? '')) {
          throw new CypherNotReadOnlyError(message);
        }
        throw new InvalidCypherError(message);
      }
      throw error;
    } finally {
      // Read-only: rolling back discards nothing, and stops the rest of a truncated stream.
      await tx.rollback().catch(() => undefined);
    }
    return { columns, rows, rowCount: rows.length, truncated, queryType: 'r', elapsedMs: Math.round(performance.now() - started) };
  } finally {
    await session.close();
  }
}
