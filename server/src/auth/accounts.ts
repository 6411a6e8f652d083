// Accounts → actors. Staff accounts are created here (demo data, tests, an admin tool);
// the actor put into tokens is read from the account each time tokens are issued, so a
// changed role or a disabled account takes effect at the next refresh (≤ 15 min).
import { randomUUID } from 'node:crypto';
import type { CitizenActor, StaffActor, StaffRole } from './actor';
import { Body } from '../models/body';
import { Citizen, type CitizenDoc } from '../models/citizen';
import { Staff, normaliseUsername, type StaffDoc } from '../models/staff';
import { hashPassword } from './passwords';

export interface NewStaff {
  /** Default: 'staff-' + a random id; demo data uses stable ids. */
  id?: string;
  username: string;
  password: string;
  name: string;
  role: StaffRole;
  bodyId: string;
  countyWide?: boolean;
}

/**
 * Creates a staff account or, when the username exists, updates it (password, name, role,
 * body) — idempotent, for demo data and tests. The body must exist (its county is copied).
 */
export async function upsertStaff(input: NewStaff): Promise<StaffDoc> {
  const body = await Body.findById(input.bodyId).lean();
  if (!body) throw new Error(`upsertStaff: unknown body ${input.bodyId}`);
  const username = normaliseUsername(input.username);
  const existing = await Staff.findOne({ username }).lean();
  const fields = {
    username,
    passwordHash: await hashPassword(input.password),
    name: input.name,
    role: input.role,
    bodyId: body._id,
    county: body.county,
    countyWide: input.countyWide ?? false,
    active: true,
  };
  const id = existing?._id ?? input.id ?? `staff-${randomUUID()}`;
  await Staff.updateOne({ _id: id }, { $set: fields }, { upsert: true });
  return (await Staff.findById(id).lean())!;
}

export function staffActorOf(doc: Pick<StaffDoc, '_id' | 'role' | 'bodyId' | 'countyWide' | 'county'>): StaffActor {
  return { kind: 'staff', staffId: doc._id, role: doc.role, bodyId: doc.bodyId, countyWide: doc.countyWide, county: doc.county };
}

export function citizenActorOf(doc: Pick<CitizenDoc, '_id'>): CitizenActor {
  return { kind: 'citizen', citizenId: doc._id };
}

/** The current actor of a token subject, or undefined when the account is gone or disabled. */
export async function loadActor(subjectKind: 'citizen' | 'staff', subjectId: string): Promise<CitizenActor | StaffActor | undefined> {
  if (subjectKind === 'citizen') {
    const citizen = await Citizen.findById(subjectId, { _id: 1 }).lean();
    return citizen ? citizenActorOf(citizen) : undefined;
  }
  const staff = await Staff.findById(subjectId).lean();
  return staff && staff.active ? staffActorOf(staff) : undefined;
}
