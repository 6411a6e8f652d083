// Saved identities: the applicant details of an earlier request, kept on this device only
// (never sent anywhere but with a request) so the next request does not retype them. The
// list shows them masked (shared/identity/mask); the full values stay in device storage and
// are used only to fill a new request. The citizen chooses to save, and can delete any time.
import { applicantSchema, idTypeLabels, maskIdNumber, maskName, maskPhone, type IdType } from '@zwgk/shared';
import { storage } from '../api/storage';
import { contactFields, isPerson, organisationFields, personFields, type FieldPath, type FilingValues } from '../pages/file/fields';

export interface SavedIdentity {
  id: string;
  /** Masked, e.g. '张* · 居民身份证 1101**********002X'. */
  label: string;
  /** Masked phone. */
  detail: string;
  values: FilingValues;
  savedAt: string;
}

const key = 'identities';

/** FNV-1a: a short id that does not spell the ID number out (ids end up in rendered data). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `id-${h.toString(36)}`;
}
const MAX = 5;

export function loadIdentities(): SavedIdentity[] {
  const list = storage.read<SavedIdentity[]>(key);
  return Array.isArray(list) ? list : [];
}

function identityFields(values: FilingValues): ReadonlyArray<FieldPath> {
  return ['applicant.applicantType', ...(isPerson(values) ? personFields : organisationFields), ...contactFields];
}

/**
 * The applicant part of the answers (what a saved identity fills in), normalised by the shared
 * applicant schema (ID number in capitals, phone without spaces) when it parses.
 */
export function applicantValues(values: FilingValues): FilingValues {
  const out: FilingValues = {};
  for (const field of identityFields(values)) if (values[field]) out[field] = values[field];
  const parsed = applicantSchema.safeParse(Object.fromEntries(Object.entries(out).map(([k, v]) => [k.slice('applicant.'.length), v])));
  if (!parsed.success) return out;
  for (const [key, value] of Object.entries(parsed.data)) {
    const field = `applicant.${key}` as FieldPath;
    if (typeof value === 'string' && field in out) out[field] = value;
  }
  return out;
}

function describe(values: FilingValues): { label: string; detail: string; fingerprint: string } {
  if (isPerson(values)) {
    const type = idTypeLabels[(values['applicant.idType'] ?? 'resident_id') as IdType] ?? '证件';
    return {
      label: `${maskName(values['applicant.name'] ?? '')} · ${type} ${maskIdNumber(values['applicant.idNumber'] ?? '')}`,
      detail: `电话 ${maskPhone(values['applicant.phone'] ?? '')}`,
      fingerprint: `p:${values['applicant.idType']}:${(values['applicant.idNumber'] ?? '').toUpperCase()}`,
    };
  }
  return {
    // An organisation's name and credit code are public registration data, not personal data.
    label: `${values['applicant.name'] ?? ''} · ${values['applicant.creditCode'] ?? ''}`,
    detail: `联系人 ${maskName(values['applicant.contactName'] ?? '')} ${maskPhone(values['applicant.contactPhone'] ?? '')}`,
    fingerprint: `o:${(values['applicant.creditCode'] ?? '').toUpperCase()}`,
  };
}

/** Saves (or updates) the applicant of these answers; newest first, at most five. */
export function saveIdentity(values: FilingValues, now = new Date()): SavedIdentity {
  const applicant = applicantValues(values);
  const { label, detail, fingerprint } = describe(applicant);
  const id = hash(fingerprint);
  const entry: SavedIdentity = { id, label, detail, values: applicant, savedAt: now.toISOString() };
  storage.write(key, [entry, ...loadIdentities().filter((i) => i.id !== id)].slice(0, MAX));
  return entry;
}

export function deleteIdentity(id: string): void {
  storage.write(key, loadIdentities().filter((i) => i.id !== id));
}
