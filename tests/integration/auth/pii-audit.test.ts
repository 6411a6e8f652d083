// Personal data at rest (ciphertext in the raw collection), the audit trail, and canSeeBody,
// against the real database.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { audit, listAudit } from '../../../server/src/audit';
import type { StaffActor } from '../../../server/src/auth/actor';
import { canSeeBody } from '../../../server/src/auth/middleware';
import { seedBodies } from '../../../server/src/demo/bodies';
import { AuditEntry } from '../../../server/src/models/audit';
import { Body } from '../../../server/src/models/body';
import { Citizen } from '../../../server/src/models/citizen';
import { configurePii, decryptPii, encryptPii, isEncryptedPii, piiFingerprint } from '../../../server/src/pii';
import { connectTestDatabase } from '../../support/db';

const ID_NUMBER = '51072719900307123X';
const PHONE = '13912345678';

let disconnect: () => Promise<void>;
beforeAll(async () => {
  ({ disconnect } = await connectTestDatabase());
  configurePii(randomBytes(32));
  await seedBodies();
});
afterAll(() => disconnect());

test('encrypted personal data: only ciphertext in the raw collection, plaintext back through decryptPii', async () => {
  await Citizen.create({
    _id: 'c-pii-test',
    channel: 'dev',
    savedIdentities: [
      { id: 'i1', label: '本人', name: '测试', idType: 'resident_id', idNumber: encryptPii(ID_NUMBER), idNumberMasked: '5107**********123X', phone: encryptPii(PHONE), phoneMasked: '139****5678', createdAt: new Date() },
    ],
  });
  const raw = await mongoose.connection.db!.collection('citizens').findOne({ _id: 'c-pii-test' as never });
  const text = JSON.stringify(raw);
  expect(text).not.toContain(ID_NUMBER);
  expect(text).not.toContain(PHONE);
  expect(isEncryptedPii(raw!.savedIdentities[0].idNumber)).toBe(true);

  const doc = await Citizen.findById('c-pii-test').lean();
  expect(decryptPii(doc!.savedIdentities[0]!.idNumber)).toBe(ID_NUMBER);
  expect(decryptPii(doc!.savedIdentities[0]!.phone!)).toBe(PHONE);
  // Equality without decrypting: the fingerprint of the same number matches.
  expect(piiFingerprint(ID_NUMBER, 'idNumber')).toBe(piiFingerprint('51072719900307123X', 'idNumber'));
});

const handler: StaffActor = { kind: 'staff', staffId: 'staff-x', role: 'handler', bodyId: 'pingwu-gov-office', countyWide: false, county: 'pingwu' };

test('audit entries record who, what, when — and never the personal data passed by mistake', async () => {
  await audit(handler, 'request.identity_viewed', { requestId: 'req-1', idNumber: ID_NUMBER, note: `called ${PHONE} about ${ID_NUMBER}`, nested: { phone: PHONE, outcome: 'partial' } });
  const raw = await mongoose.connection.db!.collection('audit').findOne({ action: 'request.identity_viewed' });
  expect(raw).toMatchObject({
    actor: { kind: 'staff', id: 'staff-x', role: 'handler', bodyId: 'pingwu-gov-office' },
    action: 'request.identity_viewed',
    requestId: 'req-1',
    bodyId: 'pingwu-gov-office',
    detail: { idNumber: '[redacted]', note: 'called [redacted] about [redacted]', nested: { phone: '[redacted]', outcome: 'partial' } },
  });
  expect(raw!.at).toBeInstanceOf(Date);
  expect(JSON.stringify(raw)).not.toMatch(new RegExp(`${ID_NUMBER}|${PHONE}`));
  expect((await listAudit({ requestId: 'req-1' })).map((e) => e.action)).toEqual(['request.identity_viewed']);
});

test('the audit trail is append-only through the model', async () => {
  await audit({ kind: 'system' }, 'system.test');
  await expect(AuditEntry.updateOne({ action: 'system.test' }, { $set: { action: 'changed' } })).rejects.toThrow(/append-only/);
  await expect(AuditEntry.deleteMany({})).rejects.toThrow(/append-only/);
  await expect(AuditEntry.findOneAndUpdate({ action: 'system.test' }, { $set: { action: 'x' } })).rejects.toThrow(/append-only/);
  expect(await AuditEntry.countDocuments({ action: 'system.test' })).toBe(1);
});

test('canSeeBody: own body; a county-wide admin sees the county; nobody sees another county', async () => {
  await Body.create({ _id: 'other-county-office', name: '某县人民政府办公室', county: 'other', countyName: '某县', kind: 'government', guide: { address: 'x', phone: 'x', hours: 'x' }, requestPrefix: 'XX' });
  const admin: StaffActor = { ...handler, staffId: 'a', role: 'admin', countyWide: true };
  const bodyAdmin: StaffActor = { ...handler, staffId: 'b', role: 'admin', countyWide: false };
  expect(await canSeeBody(handler, 'pingwu-gov-office')).toBe(true);
  expect(await canSeeBody(handler, 'pingwu-education')).toBe(false);
  expect(await canSeeBody(admin, 'pingwu-education')).toBe(true);
  expect(await canSeeBody(admin, 'pingwu-township-longan')).toBe(true);
  expect(await canSeeBody(admin, 'other-county-office')).toBe(false);
  expect(await canSeeBody(admin, 'no-such-body')).toBe(false);
  expect(await canSeeBody(bodyAdmin, 'pingwu-education')).toBe(false);
  expect(await canSeeBody({ kind: 'citizen', citizenId: 'c' }, 'pingwu-gov-office')).toBe(false);
});

test('demo bodies: 平武县 office with review, 27 departments, 20 townships; seeding twice changes nothing', async () => {
  await seedBodies();
  const bodies = await Body.find({ county: 'pingwu' }).lean();
  expect(bodies).toHaveLength(48);
  expect(bodies.find((b) => b._id === 'pingwu-gov-office')).toMatchObject({ name: '平武县人民政府办公室', kind: 'government', requiresReview: true });
  expect(bodies.filter((b) => b.kind === 'department')).toHaveLength(27);
  expect(bodies.filter((b) => b.kind === 'township')).toHaveLength(20);
  expect(new Set(bodies.map((b) => b.requestPrefix)).size).toBe(48);
});
