/**
 * Which generated "clean" names are really names of listed parties, so that alerting on them
 * is the screener doing its job rather than a false alert. The judge is deliberately simpler
 * than the matcher, so the matcher cannot mark its own homework:
 *  - exact homonym: the same identifying words as a listed name (any order, case, legal form);
 *  - sound-alike homonym: every identifying word has the same Double Metaphone code as a
 *    listed name's (Aleksandr/Alexandr, Vázquez/Vasquez, Kuznetsova/Kuznetsov), or, for a name
 *    written in an abjad script, the same consonants (سمير حجازي / Samir Hijazi);
 *  - partial person homonym: the words of a listed person's name with a given name, middle
 *    name or patronymic missing on one side ("Sergey Kozlov" / "KOZLOV, Sergey Mikhaylovich"),
 *    compared by the same sound codes. Customer files routinely drop such parts, and every
 *    screener must raise them for review.
 */
import { doubleMetaphone } from 'double-metaphone';
import { isIdentifying } from '../src/core/screening/align-names.ts';
import { looksLikePersonName } from '../src/core/screening/person-like.ts';
import { nameForms, type NameForm, type NameToken } from '../src/core/screening/normalise/index.ts';
import type { ListEntry } from '../src/core/screening/types.ts';

export type HomonymKind = 'exact' | 'sound-alike' | 'partial-person';

const words = (f: NameForm): NameToken[] => f.tokens.filter(isIdentifying);
const soundOf = (t: NameToken): string => doubleMetaphone(t.text)[0] || t.text;
const key = (parts: readonly string[]): string => [...parts].sort().join(' ');

export class HomonymJudge {
  private readonly exact = new Set<string>();
  private readonly sound = new Set<string>();
  private readonly consonants = new Set<string>();
  /** Sound code → the sound-code sets of listed person names containing it. */
  private readonly personsBySound = new Map<string, Array<ReadonlySet<string>>>();

  constructor(entries: readonly ListEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.aliases]) {
        const forms = nameForms(name, entry.type === 'individual' ? 'person' : 'unknown');
        const person = entry.type === 'individual' || (entry.type === 'unknown' && looksLikePersonName(forms));
        for (const f of forms) {
          const w = words(f);
          this.exact.add(key(w.map((t) => t.text)));
          this.sound.add(key(w.map(soundOf)));
          this.consonants.add(key(w.map((t) => t.consonants)));
          if (person && w.length >= 2) {
            const set = new Set(w.map(soundOf));
            for (const code of set) {
              const list = this.personsBySound.get(code) ?? [];
              list.push(set);
              this.personsBySound.set(code, list);
            }
          }
        }
      }
    }
  }

  /** The kind of homonym `name` is of some listed name, or null when it is not one. */
  judge(name: string, kind: 'person' | 'company'): HomonymKind | null {
    const forms = nameForms(name);
    if (forms.some((f) => this.exact.has(key(words(f).map((t) => t.text))))) return 'exact';
    const soundAlike = forms.some((f) => {
      const w = words(f);
      return this.sound.has(key(w.map(soundOf))) || (w.some((t) => t.abjad) && this.consonants.has(key(w.map((t) => t.consonants))));
    });
    if (soundAlike) return 'sound-alike';
    if (kind === 'person' && forms.some((f) => this.partOfListedPerson(words(f).map(soundOf)))) return 'partial-person';
    return null;
  }

  private partOfListedPerson(codes: readonly string[]): boolean {
    const query = new Set(codes);
    if (query.size < 2) return false;
    for (const code of query) {
      for (const listed of this.personsBySound.get(code) ?? []) {
        if (listed.size === query.size) continue;
        const [small, large] = listed.size < query.size ? [listed, query] : [query, listed];
        if (small.size >= 2 && [...small].every((c) => large.has(c))) return true;
      }
    }
    return false;
  }
}
