// One collator for every comparison: localeCompare with options builds a new one per call, which
// made sorting 100,000 monitors take seconds.
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The Monitors window's order: by name, then by id. */
export function compareByName(a: { name: string; id: number }, b: { name: string; id: number }): number {
  return byName.compare(a.name, b.name) || a.id - b.id;
}
