// Requests built through the real lifecycle (shared transition), stored where the notifier and
// the reminders read them, plus the staff and citizens they concern.
import mongoose from 'mongoose';
import { defaultCalendar, initialState, transition, type Effect, type RequestEvent, type RequestState } from '@zwgk/shared';
import { Citizen } from '../../../server/src/models/citizen';
import { Staff } from '../../../server/src/models/staff';
import type { NotifiableRequest } from '../../../server/src/notifications';

export const BODY = 'pingwu-gov-office';

export class Story {
  state: RequestState = initialState;
  request: NotifiableRequest;

  constructor(id: string, citizenId: string | null, title = '2025年城区道路改造工程招标文件及中标结果') {
    this.request = { _id: id, number: `PW-2026-${id.slice(-4)}`, bodyId: BODY, citizenId, events: [], content: { description: `申请公开${title}`, documentTitle: title }, state: 'none', dueOn: null, version: 0 };
  }

  /** Applies one event; returns what the requests command would pass to the notifier. */
  apply(input: Record<string, unknown>): { request: NotifiableRequest; newEvents: RequestEvent[]; effects: Effect[] } {
    const on = input.on as string;
    const r = transition(this.state, { at: `${on}T10:00:00+08:00`, ...input }, { calendar: defaultCalendar, requiresReview: false });
    if (!r.ok) throw new Error(`${String(input.type)}: ${r.reason}`);
    this.state = r.state;
    this.request = { ...this.request, events: [...this.request.events, r.event], state: r.state.phase, version: (this.request.version ?? 0) + 1 };
    return { request: this.request, newEvents: [r.event], effects: r.effects };
  }

  async store(): Promise<void> {
    await mongoose.connection.collection('requests').replaceOne({ _id: this.request._id as never }, this.request, { upsert: true });
  }
}

export const citizenActor = (id: string) => ({ role: 'citizen', id });
export const clerkActor = { role: 'clerk', id: 'staff-clerk-1' };

export async function seedPeople(citizens: Array<{ id: string; openid: string }>): Promise<void> {
  const staff = [
    { _id: 'staff-clerk-1', role: 'clerk' },
    { _id: 'staff-clerk-2', role: 'clerk' },
    { _id: 'staff-handler-1', role: 'handler' },
  ];
  for (const s of staff) {
    await Staff.updateOne(
      { _id: s._id },
      { $set: { username: s._id, passwordHash: 'x', name: s._id, role: s.role, bodyId: BODY, county: 'pingwu', countyWide: false, active: true } },
      { upsert: true },
    );
  }
  for (const c of citizens) await Citizen.updateOne({ _id: c.id }, { $set: { channel: 'wechat', openid: c.openid, savedIdentities: [], consents: {} } }, { upsert: true });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(25);
  }
}
