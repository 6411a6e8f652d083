// The report's on-time rate counts working days by the server's calendar — the base data with the
// county administrator's overrides (calendar/effective.ts), as the inbox and the legal clock do —
// and a change of the overrides makes the cached draft stale (reports/stamp.ts).
//
// The seed office's demo-2023-01 was received 2023-02-13 and decided 2023-03-08: 18 working days
// by the base calendar, on time. Declaring the six weekend days in between working days
// (调休 'work') puts the decision past the 20 working days of Art. 33, so it is late.
import { actors, apiAs, ensureSeedRequests, OFFICE, startReportServer, type Api } from './support';
import type { TestServer } from '../../support/server';

const WEEKEND_DAYS = ['2023-02-18', '2023-02-19', '2023-02-25', '2023-02-26', '2023-03-04', '2023-03-05'];

let t: TestServer;
let reviewer: Api;
let countyAdmin: Api;

beforeAll(async () => {
  t = await startReportServer();
  await ensureSeedRequests();
  reviewer = apiAs(t, actors.reviewer);
  countyAdmin = apiAs(t, actors.countyAdmin);
}, 120_000);
afterAll(async () => {
  for (const day of WEEKEND_DAYS) await countyAdmin('DELETE', `/api/staff/calendar/overrides/${day}`);
  await t.close();
});

const figures = async () => ((await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`)).json as { figures: Record<string, number> }).figures;

it('make-up working days set by the county admin make a reply late in the report, and removing them makes it on time again', async () => {
  expect(await figures()).toMatchObject({ 'requests.on_time': 7, 'requests.on_time_base': 7 });

  for (const day of WEEKEND_DAYS) {
    const res = await countyAdmin('PUT', `/api/staff/calendar/overrides/${day}`, { kind: 'work', name: '调休上班' });
    expect(res.status).toBeLessThan(300);
  }
  // The draft cached a moment ago is stale now: its stamp includes the calendar's.
  expect(await figures()).toMatchObject({ 'requests.on_time': 6, 'requests.on_time_base': 7 });

  for (const day of WEEKEND_DAYS) expect((await countyAdmin('DELETE', `/api/staff/calendar/overrides/${day}`)).status).toBeLessThan(300);
  expect(await figures()).toMatchObject({ 'requests.on_time': 7, 'requests.on_time_base': 7 });
});
