import type Database from 'better-sqlite3';
import type { Metrics } from '../metrics.js';

/** The operation label of a statement: its SQL verb (a small, fixed set, initialised at 0). */
export const DB_OPERATIONS = ['select', 'insert', 'update', 'delete', 'other'] as const;
export type DbOperation = (typeof DB_OPERATIONS)[number];

export function operationOf(sql: string): DbOperation {
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toLowerCase();
  return (DB_OPERATIONS as readonly string[]).includes(verb ?? '') ? (verb as DbOperation) : 'other';
}

const TIMED_METHODS = ['run', 'get', 'all', 'iterate'] as const;

/**
 * Times every statement prepared from now on (drizzle prepares per query, repositories at start-up) into
 * `database_query_duration_seconds{operation}` and counts its failures in `database_errors_total{operation}`.
 */
export function instrumentDatabase(sqlite: Database.Database, metrics: Pick<Metrics, 'dbQueryDuration' | 'dbErrors'>): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const timedPrepare = (source: string) => {
    const operation = operationOf(source);
    let statement: Database.Statement;
    try {
      statement = prepare(source);
    } catch (e) {
      metrics.dbErrors.inc({ operation });
      throw e;
    }
    for (const method of TIMED_METHODS) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        configurable: true,
        value(this: Database.Statement, ...args: unknown[]) {
          const end = metrics.dbQueryDuration.startTimer({ operation });
          try {
            return original.apply(this, args);
          } catch (e) {
            metrics.dbErrors.inc({ operation });
            throw e;
          } finally {
            end();
          }
        },
      });
    }
    return statement;
  };
  sqlite.prepare = timedPrepare as typeof sqlite.prepare;
}
