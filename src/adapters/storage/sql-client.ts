/**
 * The small SQL surface both drivers (PGlite, node-postgres) provide, so one store implementation serves both.
 * Parameters are always bound ($1, $2, ...); no value is ever spliced into SQL text.
 */
/** Arrays bind as PostgreSQL arrays (both drivers convert them). */
export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[];
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlResult {
  readonly rows: readonly SqlRow[];
  readonly rowCount: number;
}

export interface SqlExecutor {
  query(text: string, params?: readonly SqlValue[]): Promise<SqlResult>;
  /** Runs a script of several statements without parameters (migrations, the job queue's DDL); returns the last statement's rows. */
  exec(script: string): Promise<readonly SqlRow[]>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  readonly location: string;
  /** Runs `fn` in one transaction on one connection; commits on success, rolls back on throw. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
