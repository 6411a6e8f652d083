// The receiving bodies as the request commands need them. Bodies change rarely (an admin edits
// a guide or the review setting), so they are cached for a short time per process.
import { Body, type BodyDoc } from '../../models/body';

export type BodyInfo = Pick<BodyDoc, '_id' | 'name' | 'county' | 'requiresReview' | 'requestPrefix'>;

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; body: BodyInfo | null }>();

export async function getBody(id: string): Promise<BodyInfo | null> {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.body;
  const body = await Body.findById(id, { name: 1, county: 1, requiresReview: 1, requestPrefix: 1 }).lean<BodyInfo>();
  cache.set(id, { at: Date.now(), body: body ?? null });
  return body ?? null;
}

/** Names of several bodies (unknown ids map to the id itself). */
export async function bodyNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) out.set(id, (await getBody(id))?.name ?? id);
  return out;
}

/** Tests and admin edits. */
export function forgetBodies(): void {
  cache.clear();
}
