/**
 * The normalised forms of every list name as one compact JSON value, for the screener cache.
 *
 * Flat arrays rather than one object per token: JSON.parse of the CSL's forms as objects takes
 * about 0.6 s, as long as computing a good part of them. Tokens are shared by many names, so each
 * distinct token is written once and forms refer to it by number. A glued list that can be
 * re-derived from the tokens is written as 0 — only after checking, while encoding, that the
 * derivation gives exactly what was computed, so decoding always gives back equal forms.
 * Fields the normaliser may add later travel as a small object of plain values per form or token;
 * a field holding anything JSON cannot give back exactly makes encoding refuse (no cache, never a
 * lossy one). Decoding validates every value and throws on anything unexpected (the caller rebuilds).
 */
import type { FormReading, NameForm, NameToken, TokenRole } from '../../core/screening/normalise/index.ts';

/** One distinct name of the screener in build order, with the forms indexed for it. */
export interface NamedForms {
  readonly entry: number;
  readonly text: string;
  readonly forms: readonly NameForm[];
}

export interface EncodedForms {
  /** Eight values per distinct token: text, role, skeleton, consonants, metaphone 1 and 2, flags, other fields. */
  readonly tokens: readonly (string | number | PlainFields)[];
  /** Per name: entry, text, form count; per form: reading, token count, token numbers, strongKey, glued, gluedSurface, glued3, other fields. */
  readonly names: readonly (string | number | readonly string[] | PlainFields)[];
}

type Plain = string | number | boolean | null;
/** Fields beyond those this codec knows by name, or 0 when there are none. */
type PlainFields = 0 | Readonly<Record<string, Plain | readonly Plain[]>>;

const TOKEN_KEYS = new Set(['text', 'role', 'skeleton', 'consonants', 'metaphone', 'abjad', 'acronymLike', 'exactOnly']);
const FORM_KEYS = new Set(['tokens', 'strongKey', 'glued', 'gluedSurface', 'glued3', 'reading']);

// Records keyed by the core's unions: a role or reading added there and missing here fails to compile.
const ROLES: Readonly<Record<TokenRole, true>> = { strong: true, number: true, secondary: true, initial: true, generic: true, legal: true, stop: true };
const READINGS: Readonly<Record<FormReading, true>> = { latin: true, transliterated: true, lookalike: true };

const ABJAD = 1;
const ACRONYM_LIKE = 2;
const EXACT_ONLY = 4;
const TOKEN_FIELDS = 8;

export function encodeForms(names: readonly NamedForms[]): EncodedForms {
  const tokens: (string | number | PlainFields)[] = [];
  const tokenIds = new Map<string, number>();
  // The normaliser shares one object per distinct token, so most lookups stop at the object.
  const byObject = new Map<NameToken, number>();
  const tokenId = (t: NameToken): number => {
    const known = byObject.get(t);
    if (known !== undefined) return known;
    const flags = (t.abjad ? ABJAD : 0) | (t.acronymLike ? ACRONYM_LIKE : 0) | (t.exactOnly ? EXACT_ONLY : 0);
    const other = otherFields(t, TOKEN_KEYS);
    const fields = [t.text, t.role, t.skeleton, t.consonants, t.metaphone[0], t.metaphone[1], flags, other] as const;
    const key = [...fields.slice(0, 7), JSON.stringify(other)].join('\u0000');
    let id = tokenIds.get(key);
    if (id === undefined) {
      id = tokenIds.size;
      tokenIds.set(key, id);
      tokens.push(...fields);
    }
    byObject.set(t, id);
    return id;
  };
  const out: (string | number | readonly string[] | PlainFields)[] = [];
  for (const name of names) {
    out.push(name.entry, name.text, name.forms.length);
    for (const form of name.forms) {
      out.push(form.reading, form.tokens.length);
      for (const t of form.tokens) out.push(tokenId(t));
      out.push(form.strongKey === strongKeyOf(form.tokens) ? 0 : form.strongKey);
      out.push(sameStrings(form.glued, runsOf(form.tokens, 2)) ? 0 : form.glued);
      // 0 keeps the core's "same array" marker (`gluedSurface === glued`), which retrieval relies on.
      out.push(form.gluedSurface === form.glued ? 0 : form.gluedSurface);
      out.push(sameStrings(form.glued3, runsOf(form.tokens, 3)) ? 0 : form.glued3);
      out.push(otherFields(form, FORM_KEYS));
    }
  }
  return { tokens, names: out };
}

export class CorruptForms extends Error {}

/** The names and forms `encodeForms` was given; throws `CorruptForms` on anything malformed. */
export function decodeForms(value: unknown): NamedForms[] {
  if (!isRecord(value) || !Array.isArray(value['tokens']) || !Array.isArray(value['names'])) throw new CorruptForms('not an encoded forms object');
  const tokens = decodeTokens(value['tokens']);
  const r = new Reader(value['names']);
  const names: NamedForms[] = [];
  while (!r.done()) {
    const entry = r.count();
    const text = r.string();
    const formCount = r.count();
    const forms: NameForm[] = [];
    for (let f = 0; f < formCount; f += 1) {
      const reading = r.string();
      if (!isReading(reading)) throw new CorruptForms(`unknown reading ${reading}`);
      const tokenCount = r.count();
      const formTokens: NameToken[] = [];
      for (let k = 0; k < tokenCount; k += 1) {
        const t = tokens[r.count()];
        if (t === undefined) throw new CorruptForms('token number out of range');
        formTokens.push(t);
      }
      const strongKey = r.stringOrZero() ?? strongKeyOf(formTokens);
      const glued = r.stringsOrZero() ?? runsOf(formTokens, 2);
      const gluedSurface = r.stringsOrZero() ?? glued;
      const glued3 = r.stringsOrZero() ?? runsOf(formTokens, 3);
      const other = r.plainFields(FORM_KEYS);
      const form: NameForm = { tokens: formTokens, strongKey, glued, gluedSurface, glued3, reading };
      forms.push(other === 0 ? form : { ...form, ...other });
    }
    names.push({ entry, text, forms });
  }
  return names;
}

function decodeTokens(flat: readonly unknown[]): NameToken[] {
  if (flat.length % TOKEN_FIELDS !== 0) throw new CorruptForms('token table length');
  const r = new Reader(flat);
  const out: NameToken[] = [];
  while (!r.done()) {
    const text = r.string();
    const role = r.string();
    if (!isRole(role)) throw new CorruptForms(`unknown role ${role}`);
    const skeleton = r.string();
    const consonants = r.string();
    const metaphone: readonly [string, string] = [r.string(), r.string()];
    const flags = r.count();
    if (flags > (ABJAD | ACRONYM_LIKE | EXACT_ONLY)) throw new CorruptForms('token flags');
    const other = r.plainFields(TOKEN_KEYS);
    const token: NameToken = {
      text,
      role,
      skeleton,
      consonants,
      metaphone,
      abjad: (flags & ABJAD) !== 0,
      acronymLike: (flags & ACRONYM_LIKE) !== 0,
      exactOnly: (flags & EXACT_ONLY) !== 0,
    };
    out.push(other === 0 ? token : { ...token, ...other });
  }
  return out;
}

/** The strong key as the normaliser builds it in the usual case (checked on encoding, never assumed). */
function strongKeyOf(tokens: readonly NameToken[]): string {
  let key = '';
  for (const t of tokens) if (t.role !== 'legal' && t.role !== 'stop') key += t.text;
  return key;
}

/** Each run of `length` adjacent token texts glued together. */
function runsOf(tokens: readonly NameToken[], length: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + length <= tokens.length; i += 1) {
    let run = '';
    for (let k = i; k < i + length; k += 1) run += tokens[k]?.text ?? '';
    out.push(run);
  }
  return out;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export class UnsupportedForms extends Error {}

/** The fields of `value` outside `known`, when each is a plain value JSON gives back exactly. */
function otherFields(value: object, known: ReadonlySet<string>): PlainFields {
  let out: Record<string, Plain | readonly Plain[]> | undefined;
  // for…in rather than Object.entries: this runs for every form and allocates nothing when there is nothing to carry.
  for (const key in value) {
    if (known.has(key) || !Object.hasOwn(value, key)) continue;
    const field: unknown = Reflect.get(value, key);
    if (!isPlainField(field)) throw new UnsupportedForms(`field ${key} cannot be cached`);
    out ??= {};
    out[key] = field;
  }
  return out ?? 0;
}

function isPlain(value: unknown): value is Plain {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));
}

function isPlainField(value: unknown): value is Plain | readonly Plain[] {
  return isPlain(value) || (Array.isArray(value) && value.every(isPlain));
}

function isRole(s: string): s is TokenRole {
  return Object.hasOwn(ROLES, s);
}

function isReading(s: string): s is FormReading {
  return Object.hasOwn(READINGS, s);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cursor over a flat array that checks the type of every value it hands out. */
class Reader {
  private at = 0;
  constructor(private readonly values: readonly unknown[]) {}

  done(): boolean {
    return this.at >= this.values.length;
  }

  private next(): unknown {
    if (this.at >= this.values.length) throw new CorruptForms('truncated');
    const value = this.values[this.at];
    this.at += 1;
    return value;
  }

  count(): number {
    const v = this.next();
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new CorruptForms('expected a count');
    return v;
  }

  string(): string {
    const v = this.next();
    if (typeof v !== 'string') throw new CorruptForms('expected a string');
    return v;
  }

  /** A string, or undefined for the 0 that stands for "derive it". */
  stringOrZero(): string | undefined {
    const v = this.next();
    if (v === 0) return undefined;
    if (typeof v !== 'string') throw new CorruptForms('expected a string or 0');
    return v;
  }

  /** 0, or an object of plain fields none of which is one the codec knows by name. */
  plainFields(known: ReadonlySet<string>): PlainFields {
    const v = this.next();
    if (v === 0) return 0;
    if (!isRecord(v)) throw new CorruptForms('expected other fields or 0');
    const out: Record<string, Plain | readonly Plain[]> = {};
    for (const [key, field] of Object.entries(v)) {
      if (known.has(key) || key === '__proto__' || !isPlainField(field)) throw new CorruptForms(`bad field ${key}`);
      out[key] = field;
    }
    return out;
  }

  stringsOrZero(): string[] | undefined {
    const v = this.next();
    if (v === 0) return undefined;
    if (!Array.isArray(v) || !v.every((s): s is string => typeof s === 'string')) throw new CorruptForms('expected strings or 0');
    return v;
  }
}
