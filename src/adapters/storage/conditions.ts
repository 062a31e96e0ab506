import type { SqlValue } from './sql-client.ts';

/** Builds a WHERE clause from optional filters; every value becomes a bound parameter. */
export class Conditions {
  readonly params: SqlValue[] = [];
  private readonly parts: string[] = [];

  /** `fragment` holds one `?` where the value goes, e.g. "status = ?". */
  add(fragment: string, value: SqlValue | undefined): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.parts.push(fragment.replace('?', `$${this.params.length}`));
    return this;
  }

  /** The next placeholder, for LIMIT and the like. */
  bind(value: SqlValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}
