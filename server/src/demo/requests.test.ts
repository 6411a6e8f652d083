// The demo requests reproduce the seed report's table 三 and section 四 for 2023 when derived
// through the shared lifecycle and report functions, and the open ones land in the stages the
// console is meant to show.
import { defaultCalendar, clockOf, deriveSection4, deriveTable3, fold, reportFacts } from '@zwgk/shared';
import { configurePii, decryptPii } from '../pii';
import { demoRequests, DEMO_CITIZEN_ID } from './requests';
import { PINGWU_GOV_OFFICE } from './bodies';

configurePii(Buffer.alloc(32, 7));

const TODAY = '2026-11-27';

describe('demo requests', () => {
  const docs = demoRequests(TODAY);
  const office2023 = docs.filter((d) => d.bodyId === PINGWU_GOV_OFFICE && d.number.includes('-2023-'));

  it('the county office’s 2023 requests give the seed’s table 三 (7 natural persons: partial 2, third party 1, not held 3, need create 1)', () => {
    expect(office2023).toHaveLength(7);
    const records = office2023.map((d) => ({ applicantType: d.applicantType, ...reportFacts(fold(d.events)) }));
    const t3 = deriveTable3(records, 2023);
    const natural = (row: keyof typeof t3) => t3[row]![0];
    expect(natural('new')).toBe(7);
    expect(natural('carried_in')).toBe(0);
    expect(natural('partial')).toBe(2);
    expect(natural('deny_third_party')).toBe(1);
    expect(natural('unable_not_held')).toBe(3);
    expect(natural('unable_need_create')).toBe(1);
    expect(natural('open')).toBe(0);
    expect(natural('total')).toBe(7);
    expect(natural('carried_out')).toBe(0);
    expect(t3.total!.slice(1, 6)).toEqual([0, 0, 0, 0, 0]);
  });

  it('their reconsideration and lawsuits give the seed’s section 四', () => {
    const cases = office2023.flatMap((d) => reportFacts(fold(d.events)).cases);
    expect(deriveSection4(cases, 2023)).toEqual({
      review: [1, 0, 0, 0, 1],
      litigation_direct: [0, 1, 0, 0, 1],
      litigation_after_review: [0, 0, 0, 1, 1],
    });
  });

  it('open requests sit in the stages the console needs, relative to today', () => {
    const open = docs.filter((d) => d._id.startsWith('demo-open-'));
    const view = open.map((d) => {
      const state = fold(d.events);
      const clock = clockOf(state, defaultCalendar, TODAY);
      return { id: d._id, phase: state.phase, left: clock.workingDaysLeft, overdue: clock.overdue, extended: state.extension !== null };
    });
    expect(view.map((v) => v.phase)).toEqual(
      expect.arrayContaining(['submitted', 'received', 'correction_requested', 'consultation', 'decided']),
    );
    expect(view.some((v) => v.overdue)).toBe(true);
    expect(view.some((v) => v.extended && !v.overdue)).toBe(true);
    expect(view.some((v) => v.left !== null && v.left > 0 && v.left <= 3)).toBe(true);
    expect(open.filter((d) => d.citizenId === DEMO_CITIZEN_ID).length).toBeGreaterThanOrEqual(3);
  });

  it('stores identities encrypted, with valid ID numbers', () => {
    for (const d of docs) {
      expect(d.applicant.idNumber).toMatch(/^v1\./);
      const id = decryptPii(d.applicant.idNumber!);
      expect(id).toMatch(/^510727\d{11}[\dX]$/);
      expect(JSON.stringify(d)).not.toContain(id);
    }
    expect(new Set(docs.map((d) => d.number)).size).toBe(docs.length);
  });
});
