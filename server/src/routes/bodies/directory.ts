// The body directory: every receiving body with its guide, in the order a citizen scans it
// (the county government first, then departments, then townships). Bodies change rarely, so
// the list is read once per process and kept for a short time.
import type { BodyDirectory, BodyDirectoryEntry, BodyKind } from '@zwgk/shared';
import { Body, type BodyDoc } from '../../models/body';

const TTL_MS = 60_000;
const kindOrder: Record<BodyKind, number> = { government: 0, department: 1, township: 2 };
const collator = new Intl.Collator('zh-Hans-CN');

let cached: { at: number; items: BodyDirectoryEntry[] } | undefined;

function entryOf(b: BodyDoc): BodyDirectoryEntry {
  return {
    id: b._id,
    name: b.name,
    kind: b.kind,
    county: b.county,
    countyName: b.countyName,
    guide: { address: b.guide.address, phone: b.guide.phone, hours: b.guide.hours, ...(b.guide.email ? { email: b.guide.email } : {}) },
  };
}

export function sortBodies(items: BodyDirectoryEntry[]): BodyDirectoryEntry[] {
  return [...items].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || collator.compare(a.name, b.name));
}

export async function bodyDirectory(county: string | undefined, now = Date.now()): Promise<BodyDirectory> {
  if (!cached || now - cached.at > TTL_MS) {
    // A full scan of a few dozen documents (FerretDB indexes only _id; a filter would scan too).
    const docs = await Body.find({}, { name: 1, kind: 1, county: 1, countyName: 1, guide: 1 }).lean<BodyDoc[]>();
    cached = { at: now, items: sortBodies(docs.map(entryOf)) };
  }
  return { items: county ? cached.items.filter((b) => b.county === county) : cached.items };
}

/** Tests and admin edits of a guide. */
export function forgetBodyDirectory(): void {
  cached = undefined;
}
