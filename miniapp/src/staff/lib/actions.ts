// Which lifecycle actions the console offers. The server sends the list it computed with the
// shared `availableActions(state, role, {calendar, today, requiresReview})` (date guards
// included, e.g. no 告知补正 after the 7th working day); the console keeps only those the shared
// transition table allows for this phase and role, so a stale or wrong answer can never put a
// forbidden button on the screen. No list of actions is written here by hand.
import { eventLabels, eventTypes, ruleFor, type EventType, type Phase, type Role, type StaffActionOption } from '@zwgk/shared';

/** Events no staff button fires: a submission is registered through its own page. */
const notButtons: ReadonlyArray<EventType> = ['submit'];

export function permittedByTable(type: EventType, phase: Phase, role: Role): boolean {
  const rule = ruleFor(type);
  return rule.roles.includes(role) && rule.from.includes(phase);
}

export interface OfferedAction {
  type: EventType;
  label: string;
  basis: string;
}

/** The actions to show, in the lifecycle's order, from the server's list. */
export function offeredActions(fromServer: ReadonlyArray<StaffActionOption | EventType>, phase: Phase, role: Role): OfferedAction[] {
  const given = new Set(fromServer.map((a) => (typeof a === 'string' ? a : a.type)));
  return eventTypes
    .filter((type) => given.has(type) && !notButtons.includes(type) && permittedByTable(type, phase, role))
    .map((type) => ({ type, label: eventLabels[type], basis: ruleFor(type).basis }));
}

/** Actions that open their own page instead of a form under the button. */
export const pageActions: ReadonlyArray<EventType> = ['decide'];
