// What leaves the server about a request — decided here, once: personal data masked or shown
// (the owner's own view and the audited identity view only), state labels per audience, the
// legal clock from shared `clockOf` with its explanation, and the conversation thread (lifecycle
// events as the shared plain-Chinese sentences merged with messages).
import {
  applicantTypes,
  applyEvent,
  availableActions,
  clockOf,
  deliveryLabels,
  eventLabels,
  eventSentence,
  fold,
  idTypeLabels,
  initialState,
  maskAddress,
  maskEmail,
  maskName,
  maskPhone,
  mediumLabels,
  outcome as outcomeOf,
  outcomeGroups,
  ruleFor,
  statusLabel,
  type ApplicantType,
  type ApplicantView,
  type AttachmentView,
  type Calendar,
  type CitizenAction,
  type CitizenRequestDetail,
  type ContentView,
  type DecisionView,
  type LegalClock,
  type LegalDate,
  type LookupResult,
  type RequestRow,
  type RequestState,
  type Role,
  type StaffActionOption,
  type StaffInboxItem,
  type StaffRequestDetail,
  type ThreadItem,
} from '@zwgk/shared';
import type { StaffActor } from '../auth/actor';
import { openApplicant } from './commands/identity';
import { lifecycleVersion, type RequestRecord, type StoredApplicant, type StoredAttachment, type StoredMessage } from './models/request';

export type Audience = 'citizen' | 'staff';

export interface ViewContext {
  calendar: Calendar;
  today: LegalDate;
  /** bodyId → name */
  bodyNames: Map<string, string>;
  /** staffId → name (staff audience: who did what) */
  staffNames?: Map<string, string>;
  /** Whether each body needs a reviewer's approval (default true). */
  requiresReview?: (bodyId: string) => boolean;
}

const SUBJECT_MAX = 60;

/** '还剩 5 个工作日' … for list rows; the clock's own explanation says how it was computed. */
export function deadlineLabel(clock: LegalClock): string | null {
  const left = clock.workingDaysLeft;
  switch (clock.status) {
    case 'awaiting_correction':
      return '等待补正';
    case 'paused':
      return left === null ? '暂停计时' : `暂停计时，还剩 ${left} 个工作日`;
    case 'running':
      if (left === null) return null;
      return left > 0 ? `还剩 ${left} 个工作日` : left === 0 ? '今天到期' : `已超期 ${-left} 个工作日`;
    default:
      return null;
  }
}

function subjectOf(r: RequestRecord): string {
  const text = (r.content.documentTitle || r.content.description).replace(/\s+/g, ' ').trim();
  return [...text].length > SUBJECT_MAX ? `${[...text].slice(0, SUBJECT_MAX - 1).join('')}…` : text;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const after = (a: Date | null | undefined, b: Date | null | undefined) => Boolean(a) && (!b || new Date(a!).getTime() > new Date(b).getTime());

export function stateOf(r: Pick<RequestRecord, 'events'>): RequestState {
  return fold(r.events);
}

function row(r: RequestRecord, state: RequestState, clock: LegalClock, audience: Audience, ctx: ViewContext): RequestRow {
  return {
    id: r._id,
    number: r.number,
    bodyId: r.bodyId,
    bodyName: ctx.bodyNames.get(r.bodyId) ?? r.bodyId,
    channel: r.channel,
    subject: subjectOf(r),
    phase: state.phase,
    stateLabel: statusLabel(state, audience),
    submittedOn: state.submittedOn,
    receivedOn: state.receivedOn,
    dueOn: clock.dueOn,
    workingDaysLeft: clock.workingDaysLeft,
    overdue: clock.overdue,
    paused: clock.paused !== null,
    extended: state.extension !== null,
    deadlineLabel: deadlineLabel(clock),
    provisionalNote: clock.provisionalNote,
    concludedOn: state.concludedOn,
    outcome: state.outcome,
    outcomeLabel: state.outcome ? outcomeOf(state.outcome).label : null,
    lastActivityAt: iso(r.lastActivityAt),
    unread: after(r.activity?.[audience], r.readState?.[audience]),
  };
}

export function presentRow(r: RequestRecord, audience: Audience, ctx: ViewContext): RequestRow {
  const state = stateOf(r);
  return row(r, state, clockOf(state, ctx.calendar, ctx.today), audience, ctx);
}

const typeLabel = (t: ApplicantType) => applicantTypes.find((a) => a.key === t)?.label ?? t;

/** The applicant, in full (`masked: false`) or masked for staff by default. */
export function presentApplicant(r: Pick<RequestRecord, 'applicant' | 'applicantType'>, mode: 'full' | 'masked'): ApplicantView {
  const s: StoredApplicant = r.applicant;
  const open = openApplicant(s);
  const full = mode === 'full';
  const view: ApplicantView = {
    type: r.applicantType,
    typeLabel: typeLabel(r.applicantType),
    name: open.name,
    phone: full ? open.phone : s.phoneMasked,
    masked: !full,
  };
  if (open.idType) {
    view.idType = open.idType;
    view.idTypeLabel = idTypeLabels[open.idType as keyof typeof idTypeLabels] ?? open.idType;
  }
  if (open.idNumber) view.idNumber = full ? open.idNumber : (s.idNumberMasked ?? '****');
  if (open.creditCode) view.creditCode = open.creditCode;
  if (open.legalRepresentative) view.legalRepresentative = open.legalRepresentative;
  if (open.contactName) view.contactName = open.contactName;
  if (open.address) view.address = full ? open.address : maskAddress(open.address);
  if (open.postalCode) view.postalCode = open.postalCode;
  if (open.email) view.email = full ? open.email : maskEmail(open.email);
  if (open.fax) view.fax = full ? open.fax : maskPhone(open.fax);
  return view;
}

function presentContent(r: RequestRecord): ContentView {
  const c = r.content;
  return {
    description: c.description,
    ...(c.documentTitle ? { documentTitle: c.documentTitle } : {}),
    ...(c.documentNumber ? { documentNumber: c.documentNumber } : {}),
    medium: c.medium,
    mediumLabel: mediumLabels[c.medium as keyof typeof mediumLabels] ?? c.medium,
    delivery: c.delivery,
    deliveryLabel: deliveryLabels[c.delivery as keyof typeof deliveryLabels] ?? c.delivery,
    ...(c.purpose ? { purpose: c.purpose } : {}),
  };
}

function presentDecision(state: RequestState): DecisionView | null {
  const d = state.decision;
  if (!d) return null;
  const o = outcomeOf(d.outcome);
  return {
    outcome: d.outcome,
    outcomeLabel: o.label,
    outcomeGroup: o.group,
    outcomeGroupLabel: outcomeGroups.find((g) => g.group === o.group)?.label ?? '',
    legalBasis: d.legalBasis,
    replyText: d.replyText,
    decidedOn: d.decidedOn,
  };
}

function attachmentUrl(r: RequestRecord, a: StoredAttachment, audience: Audience): string {
  return audience === 'citizen' ? `/api/requests/${r._id}/attachments/${a.id}` : `/api/staff/requests/${r._id}/attachments/${a.id}`;
}

function presentAttachment(r: RequestRecord, a: StoredAttachment, audience: Audience): AttachmentView {
  return { id: a.id, name: a.name, contentType: a.contentType, size: a.size, uploadedAt: iso(a.uploadedAt), url: attachmentUrl(r, a, audience) };
}

export function presentMessage(r: RequestRecord, m: StoredMessage, audience: Audience, viewer: { kind: 'citizen' | 'staff'; id: string }): Extract<ThreadItem, { kind: 'message' }> {
  const attachments = m.attachmentIds.map((id) => r.attachments.find((a) => a.id === id)).filter((a): a is StoredAttachment => a !== undefined);
  return {
    kind: 'message',
    id: m.id,
    at: iso(m.at),
    // The citizen sees which office answered, not the staff member's name.
    author: m.author.kind === 'citizen' ? { kind: 'citizen', name: '申请人' } : { kind: 'staff', name: audience === 'staff' ? m.author.name : '办理机关', ...(m.author.role ? { role: m.author.role as Role } : {}) },
    text: m.text,
    attachments: attachments.map((a) => presentAttachment(r, a, audience)),
    mine: m.author.kind === viewer.kind && m.author.id === viewer.id,
  };
}

/** Events (as sentences for the audience) and messages, oldest first. */
export function presentThread(r: RequestRecord, audience: Audience, viewer: { kind: 'citizen' | 'staff'; id: string }, ctx: Pick<ViewContext, 'staffNames'>): ThreadItem[] {
  const items: ThreadItem[] = [];
  let before = initialState;
  r.events.forEach((event, index) => {
    const text = eventSentence(event, audience, before);
    before = applyEvent(before, event);
    if (text === null) return;
    const name = audience === 'staff' ? ctx.staffNames?.get(event.actor.id) : undefined;
    items.push({ kind: 'event', id: `e${index}`, at: event.at, on: event.on, eventType: event.type, text, actor: { role: event.actor.role, ...(name ? { name } : {}) } });
  });
  for (const m of r.messages) items.push(presentMessage(r, m, audience, viewer));
  // Stable: at equal instants events come before messages (they were pushed first).
  return items.map((item, i) => ({ item, i, t: Date.parse(item.at) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.item);
}

function correctionOf(state: RequestState) {
  const c = state.correction;
  return c ? { items: c.items, dueOn: c.dueOn, requestedOn: c.requestedOn } : null;
}

const CITIZEN_ACTIONS: ReadonlyArray<CitizenAction> = ['correction_received', 'withdraw'];

export function presentCitizenDetail(r: RequestRecord, citizenId: string, ctx: ViewContext): CitizenRequestDetail {
  const state = stateOf(r);
  const clock = clockOf(state, ctx.calendar, ctx.today);
  const requiresReview = ctx.requiresReview?.(r.bodyId) ?? true;
  const actions = availableActions(state, 'citizen', { calendar: ctx.calendar, today: ctx.today, requiresReview }).filter((a): a is CitizenAction =>
    (CITIZEN_ACTIONS as ReadonlyArray<string>).includes(a),
  );
  return {
    ...row(r, state, clock, 'citizen', ctx),
    applicant: presentApplicant(r, 'full'),
    content: presentContent(r),
    clock,
    thread: presentThread(r, 'citizen', { kind: 'citizen', id: citizenId }, ctx),
    correction: state.phase === 'correction_requested' ? correctionOf(state) : null,
    // The reply is the applicant's once it is delivered, not while it is a draft.
    decision: state.deliveredOn ? presentDecision(state) : null,
    actions,
    version: lifecycleVersion(r),
  };
}

export function presentStaffActions(state: RequestState, role: Role, ctx: { calendar: Calendar; today: LegalDate; requiresReview: boolean }): StaffActionOption[] {
  return availableActions(state, role, ctx)
    .filter((t) => t !== 'submit')
    .map((type) => ({ type, label: eventLabels[type], basis: ruleFor(type).basis }));
}

export function presentStaffDetail(r: RequestRecord, actor: StaffActor, ctx: ViewContext): StaffRequestDetail {
  const state = stateOf(r);
  const clock = clockOf(state, ctx.calendar, ctx.today);
  const requiresReview = ctx.requiresReview?.(r.bodyId) ?? true;
  const c = state.correction;
  const decision = presentDecision(state);
  const assignee = state.assignee ? { ...state.assignee, ...(state.assignee.name ? {} : ctx.staffNames?.get(state.assignee.id) ? { name: ctx.staffNames.get(state.assignee.id)! } : {}) } : null;
  return {
    ...row(r, state, clock, 'staff', ctx),
    applicantType: r.applicantType,
    applicant: presentApplicant(r, 'masked'),
    content: presentContent(r),
    clock,
    thread: presentThread(r, 'staff', { kind: 'staff', id: actor.staffId }, ctx),
    correction: c
      ? {
          items: c.items,
          dueOn: c.dueOn,
          requestedOn: c.requestedOn,
          receivedOn: c.receivedOn,
          ...(() => {
            const ev = r.events.find((e) => e.type === 'correction_received');
            return ev && ev.type === 'correction_received' && ev.content ? { content: ev.content } : {};
          })(),
        }
      : null,
    decision: decision && state.decision ? { ...decision, approvedOn: state.decision.approvedOn } : null,
    assignee,
    requiresReview,
    actions: presentStaffActions(state, actor.role as Role, { calendar: ctx.calendar, today: ctx.today, requiresReview }),
    version: lifecycleVersion(r),
  };
}

export function presentInboxItem(r: RequestRecord, ctx: ViewContext, state = stateOf(r), clock = clockOf(state, ctx.calendar, ctx.today)): StaffInboxItem {
  const assignee = state.assignee ? { ...state.assignee, ...(!state.assignee.name && ctx.staffNames?.get(state.assignee.id) ? { name: ctx.staffNames.get(state.assignee.id)! } : {}) } : null;
  return {
    ...row(r, state, clock, 'staff', ctx),
    applicantType: r.applicantType,
    applicantTypeLabel: typeLabel(r.applicantType),
    // Lists never show a natural person's full name; organisations are not personal data.
    applicantName: r.applicantType === 'natural_person' ? maskName(r.applicant.name) : r.applicant.name,
    assignee,
  };
}

/** Public lookup: status and dates only — nothing about the person or what they asked. */
export function presentLookup(r: RequestRecord, ctx: ViewContext): LookupResult {
  const state = stateOf(r);
  const clock = clockOf(state, ctx.calendar, ctx.today);
  const o = state.outcome ? outcomeOf(state.outcome) : null;
  const concluded = state.concludedOn !== null;
  return {
    number: r.number,
    bodyName: ctx.bodyNames.get(r.bodyId) ?? r.bodyId,
    phase: state.phase,
    stateLabel: statusLabel(state, 'citizen'),
    submittedOn: state.submittedOn,
    receivedOn: state.receivedOn,
    dueOn: clock.dueOn,
    paused: clock.paused !== null,
    extended: state.extension !== null,
    deadlineLabel: deadlineLabel(clock),
    provisionalNote: clock.provisionalNote,
    concludedOn: state.concludedOn,
    outcomeGroup: concluded && o ? o.group : null,
    outcomeGroupLabel: concluded && o ? (outcomeGroups.find((g) => g.group === o.group)?.label ?? null) : null,
  };
}
