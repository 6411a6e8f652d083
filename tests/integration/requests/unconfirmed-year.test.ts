// A deadline that runs into a year whose State Council holiday notice is not entered: the server
// skips that year's statutory holidays (shared/src/calendar/statutory.ts), and the inbox row, the
// staff detail, the citizen's thread and the public lookup carry the one provisional note; entering the notice (an
// administrator's override in that year) turns the note off and moves the date as its make-up
// working days require. The fixed-date cases (received 2026-12-08 → due 2027-01-06) are in
// shared/src/clock/clock.test.ts; here the request is received today, so the expectations come
// from the shared calendar the server itself uses.
import { addDays, createCalendar, defaultCalendar, isWeekend, legalDateOf, provisionalNote, REPLY_PERIOD, yearOf } from '@zwgk/shared';
import { lookupResultSchema, staffInboxSchema, staffRequestDetailSchema } from '@zwgk/shared';
import { startTestServer, type TestServer } from '../../support/server';
import { act, citizen, client, conforms, fileAs, seedWorld, staffActors, type Client } from './support';

let t: TestServer;
let clerk: Client;
let countyAdmin: Client;
const entered: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
  clerk = client(t, staffActors.clerk!);
  countyAdmin = client(t, staffActors.countyAdmin!);
});
afterAll(async () => {
  for (const day of entered) await countyAdmin.call('DELETE', `/api/staff/calendar/overrides/${day}`);
  await t.close();
});

it('shows the provisional note where the due date is, and entering the notice turns it off and moves the date', async () => {
  const owner = client(t, citizen('cUnconfirmed01'));
  const { request, number, queryCode } = await fileAs(owner);
  expect((await act(clerk, request.id, { type: 'confirm_receipt' })).status).toBe(200);

  const received = legalDateOf(new Date());
  const due = defaultCalendar.addWorkingDays(received, REPLY_PERIOD);
  const note = provisionalNote(defaultCalendar, received, due);
  // While the base data ends in 2026, every request received from December 2026 runs into 2027.
  if (Math.max(...defaultCalendar.coverage().knownYears) === 2026 && received >= '2026-12-01') expect(note).toBe('2027年调休安排未公布，期限按法定节假日计算');

  const row = async () => conforms(staffInboxSchema, (await clerk.call('GET', '/api/staff/requests')).body).items.find((i) => i.id === request.id)!;
  const detail = async () => conforms(staffRequestDetailSchema, (await clerk.call('GET', `/api/staff/requests/${request.id}`)).body);
  const thread = async () => (await owner.call('GET', `/api/requests/${request.id}`)).body;
  const lookup = async () => conforms(lookupResultSchema, await (await t.api(`/api/lookup?number=${encodeURIComponent(number)}&code=${encodeURIComponent(queryCode)}`)).json());

  expect(await row()).toMatchObject({ dueOn: due, provisionalNote: note });
  expect((await detail()).clock).toMatchObject({ dueOn: due, provisionalNote: note, warnings: [] });
  expect((await thread()).clock).toMatchObject({ dueOn: due, provisionalNote: note });
  expect(await lookup()).toMatchObject({ dueOn: due, provisionalNote: note });
  // Told once, beside the date: not again among the warnings or in the explanation.
  expect((await detail()).clock.explanation.join('')).not.toContain('调休安排未公布');

  // The administrator enters the due year's notice: a make-up working day on a weekend day before
  // the due date (in the due year when there is one). The year is confirmed, the date one day earlier.
  const weekendDays: string[] = [];
  for (let d = addDays(received, 1); d < due; d = addDays(d, 1)) if (isWeekend(d)) weekendDays.push(d);
  const makeUp = weekendDays.filter((d) => yearOf(d) === yearOf(due)).at(-1) ?? weekendDays.at(-1)!;
  const put = await countyAdmin.call('PUT', `/api/staff/calendar/overrides/${makeUp}`, { kind: 'work', name: '调休上班', note: '国务院办公厅通知' });
  expect(put.status).toBeLessThan(300);
  entered.push(makeUp);

  const withNotice = createCalendar([{ date: makeUp, kind: 'work' }]);
  const newDue = withNotice.addWorkingDays(received, REPLY_PERIOD);
  expect(newDue < due).toBe(true);
  const newNote = provisionalNote(withNotice, received, newDue);
  if (yearOf(makeUp) === yearOf(due)) expect(newNote).toBeNull();
  expect(await row()).toMatchObject({ dueOn: newDue, provisionalNote: newNote });
  expect((await thread()).clock).toMatchObject({ dueOn: newDue, provisionalNote: newNote });
  expect(await lookup()).toMatchObject({ dueOn: newDue, provisionalNote: newNote });
});
