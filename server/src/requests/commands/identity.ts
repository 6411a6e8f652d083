// The applicant's identity at rest: the filing's applicant (shared/src/filing) with personal
// data encrypted (server/src/pii.ts) and masked copies for lists. `openApplicant` decrypts for
// the two places allowed to show it in full (the owner's detail, the audited staff identity view).
import { checkIdNumber, maskIdNumber, maskPhone, type Applicant } from '@zwgk/shared';
import type { StoredApplicant } from '../models/request';
import { decryptPii, encryptPii, piiFingerprint } from '../../pii';

export interface OpenApplicant {
  name: string;
  idType?: string;
  idNumber?: string;
  phone: string;
  creditCode?: string;
  legalRepresentative?: string;
  contactName?: string;
  address?: string;
  postalCode?: string;
  email?: string;
  fax?: string;
}

const enc = (v: string | undefined) => (v === undefined || v === '' ? undefined : encryptPii(v));
const dec = (v: string | undefined) => (v === undefined ? undefined : decryptPii(v));

/** Only the defined fields (mongoose and FerretDB keep `undefined` out of the document anyway). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function sealApplicant(a: Applicant): StoredApplicant {
  if (a.applicantType === 'natural_person') {
    // Resident ID numbers are fingerprinted in their normal form so the same person matches.
    const idNorm = a.idType === 'resident_id' ? (checkIdNumber(a.idNumber) as { normalized?: string }).normalized ?? a.idNumber : a.idNumber;
    return defined({
      name: a.name,
      idType: a.idType,
      idNumber: encryptPii(a.idNumber),
      idNumberMasked: maskIdNumber(a.idNumber),
      idNumberFingerprint: piiFingerprint(`${a.idType}:${idNorm}`, 'idNumber'),
      phone: encryptPii(a.phone),
      phoneMasked: maskPhone(a.phone),
      address: enc(a.address),
      postalCode: a.postalCode,
      email: enc(a.email),
      fax: enc(a.fax),
    });
  }
  return defined({
    name: a.name,
    creditCode: a.creditCode,
    legalRepresentative: a.legalRepresentative,
    contactName: a.contactName,
    phone: encryptPii(a.contactPhone),
    phoneMasked: maskPhone(a.contactPhone),
    address: enc(a.address),
    postalCode: a.postalCode,
    email: enc(a.email),
    fax: enc(a.fax),
  });
}

export function openApplicant(s: StoredApplicant): OpenApplicant {
  return defined({
    name: s.name,
    idType: s.idType,
    idNumber: dec(s.idNumber),
    phone: decryptPii(s.phone),
    creditCode: s.creditCode,
    legalRepresentative: s.legalRepresentative,
    contactName: s.contactName,
    address: dec(s.address),
    postalCode: s.postalCode,
    email: dec(s.email),
    fax: dec(s.fax),
  });
}
