// The guided filing as a small state machine over the draft: which question is asked now,
// answering it (validated on the spot), going back to edit any earlier answer, and the
// summary check before submitting. Pure functions: the page keeps the draft in device
// storage after every change (see draft.ts), so nothing typed is ever lost.
import type { FieldPath, FilingValues } from './fields';
import { NEW_IDENTITY, applicableSteps, step, type Step, type StepContext, type StepId } from './steps';
import { validateFiling, validateSteps } from './validate';

export interface FilingDraft {
  /** Bumped when the shape changes: an older draft is then discarded rather than misread. */
  version: 1;
  values: FilingValues;
  /** Questions answered and accepted, in the order they were answered. */
  answered: StepId[];
  /** A question the citizen went back to. */
  editing: StepId | null;
  /** Messages waiting on questions (on-the-spot checks, or a later answer that undid an earlier one). */
  errors: Partial<Record<StepId, string>>;
  declaration: boolean;
  declarationError: string | null;
  /** Save the applicant on this device for next time (the citizen's choice). */
  saveIdentity: boolean;
  /** Chosen saved identity, or 'new'. */
  savedIdentity: string | null;
  /** Generated at the first submit and reused by every retry of this draft. */
  idempotencyKey: string | null;
}

export function emptyDraft(): FilingDraft {
  return {
    version: 1,
    values: {},
    answered: [],
    editing: null,
    errors: {},
    declaration: false,
    declarationError: null,
    saveIdentity: false,
    savedIdentity: null,
    idempotencyKey: null,
  };
}

/** Answered questions that still apply, in asking order. */
export function answeredSteps(draft: FilingDraft, ctx: StepContext): Step[] {
  return applicableSteps(draft.values, ctx).filter((s) => draft.answered.includes(s.id));
}

/** The question to ask now; null when every question is answered (→ the summary). */
export function currentStep(draft: FilingDraft, ctx: StepContext): Step | null {
  const applicable = applicableSteps(draft.values, ctx);
  if (draft.editing && applicable.some((s) => s.id === draft.editing)) return step(draft.editing);
  return applicable.find((s) => !draft.answered.includes(s.id)) ?? null;
}

/** Typing: the value is kept (and saved) as it is typed, before it is sent. */
export function setValue(draft: FilingDraft, field: FieldPath, value: string): FilingDraft {
  return { ...draft, values: { ...draft.values, [field]: value } };
}

/** The answers as they will be sent: only fields of questions that apply to these answers. */
export function sentValues(draft: FilingDraft, ctx: StepContext): FilingValues {
  const out: FilingValues = {};
  for (const s of applicableSteps(draft.values, ctx)) {
    if (s.field && draft.values[s.field] !== undefined) out[s.field] = draft.values[s.field];
  }
  return out;
}

const orderOf = (ctx: StepContext, values: FilingValues) => {
  const ids = applicableSteps(values, ctx).map((s) => s.id);
  return (id: StepId) => ids.indexOf(id);
};

/**
 * Re-checks every answered question after `changed` was answered. A rule between two answers
 * (e-mail delivery needs e-mail as the medium…) may now fail; the schema names one field, but
 * the answer to ask again is the one that did not just change: a later answer that conflicts
 * goes back to the queue (with the message), or else the earlier one named by the schema.
 */
function recheck(draft: FilingDraft, changed: StepId, ctx: StepContext): FilingDraft {
  const errors = validateSteps(draft.values, draft.answered, ctx);
  const named = Object.keys(errors) as StepId[];
  if (named.length === 0) return draft;
  const order = orderOf(ctx, draft.values);
  const reopen = new Map<StepId, string>();
  for (const y of named) {
    const message = errors[y]!;
    if (order(y) > order(changed)) {
      reopen.set(y, message);
      continue;
    }
    const culprit = draft.answered
      .filter((l) => l !== changed && order(l) > order(y))
      .sort((a, b) => order(a) - order(b))
      .find((l) => !validateSteps(draft.values, draft.answered.filter((id) => id !== l), ctx)[y]);
    reopen.set(culprit ?? y, message);
  }
  const broken = [...reopen.keys()];
  return { ...draft, answered: draft.answered.filter((id) => !broken.includes(id)), errors: { ...draft.errors, ...Object.fromEntries(reopen) } };
}

/**
 * Sends the answer of a question (its value is already in the draft, or `value` sets it). The
 * answer is checked against the questions before it; on a message of the shared schema the
 * question stays open with the message.
 */
export function answer(draft: FilingDraft, id: StepId, ctx: StepContext, value?: string): FilingDraft {
  const s = step(id);
  let next = draft;
  if (id === 'savedIdentity') return chooseIdentity(draft, value ?? NEW_IDENTITY, ctx);
  if (s.field && value !== undefined) next = setValue(next, s.field, value);
  if (s.field && !s.optional && (next.values[s.field] ?? '').trim() === '' && s.kind !== 'text' && s.kind !== 'textarea') {
    return next; // a choice without a choice: nothing to send
  }
  const order = orderOf(ctx, next.values);
  const before = next.answered.filter((a) => a !== id && order(a) >= 0 && order(a) < order(id));
  const own = validateSteps(next.values, [...before, id], ctx)[id];
  if (own) return { ...next, errors: { ...next.errors, [id]: own } };
  const { [id]: _cleared, ...rest } = next.errors;
  const asked = next.answered.includes(id) ? next.answered : [...next.answered, id];
  return recheck({ ...next, answered: asked, editing: null, errors: rest }, id, ctx);
}

/** Skips an optional question (its answer becomes empty). */
export function skip(draft: FilingDraft, id: StepId, ctx: StepContext): FilingDraft {
  const s = step(id);
  if (!s.optional) return draft;
  return answer(draft, id, ctx, '');
}

/** Goes back to an earlier question; its current answer is kept for editing. */
export function edit(draft: FilingDraft, id: StepId): FilingDraft {
  return { ...draft, editing: id };
}

/** Leaves editing without changing the answer. */
export function cancelEdit(draft: FilingDraft): FilingDraft {
  return { ...draft, editing: null };
}

function chooseIdentity(draft: FilingDraft, choice: string, ctx: StepContext): FilingDraft {
  const saved = ctx.identities.find((i) => i.id === choice);
  const answered = draft.answered.filter((id) => id !== 'savedIdentity');
  if (!saved) {
    return { ...draft, savedIdentity: NEW_IDENTITY, answered: [...answered, 'savedIdentity'], editing: null };
  }
  // The saved applicant answers its questions at once (each can still be edited).
  const values = { ...draft.values, ...saved.values };
  const filled = applicableSteps(values, ctx)
    .filter((s) => s.field && s.field.startsWith('applicant.') && saved.values[s.field] !== undefined)
    .map((s) => s.id);
  const next: FilingDraft = {
    ...draft,
    values,
    savedIdentity: saved.id,
    answered: [...answered.filter((id) => !filled.includes(id)), 'savedIdentity', ...filled],
    editing: null,
  };
  return recheck(next, 'savedIdentity', ctx);
}

/** Ticks or unticks the declaration (条例第二十九条: the applicant vouches for the request). */
export function setDeclaration(draft: FilingDraft, on: boolean): FilingDraft {
  return { ...draft, declaration: on, declarationError: on ? null : draft.declarationError };
}

/**
 * The final check before submitting: the whole request through the shared schema. Questions
 * with a message go back to the queue; a missing declaration is shown on the summary.
 */
export function checkBeforeSubmit(draft: FilingDraft, ctx: StepContext): { ok: boolean; draft: FilingDraft } {
  return applyMessages(draft, validateFiling(sentValues(draft, ctx), draft.declaration, ctx));
}

/** Field messages (from the schema or the server's VALIDATION_FAILED) put on their questions. */
export function applyMessages(
  draft: FilingDraft,
  messages: Partial<Record<StepId, string>> & { declaration?: string; other?: string },
): { ok: boolean; draft: FilingDraft } {
  const { declaration, other: _other, ...byStep } = messages;
  const broken = Object.keys(byStep) as StepId[];
  if (broken.length === 0 && !declaration) return { ok: true, draft };
  return {
    ok: false,
    draft: {
      ...draft,
      answered: draft.answered.filter((id) => !broken.includes(id)),
      editing: null,
      errors: { ...draft.errors, ...byStep },
      declarationError: declaration ?? null,
    },
  };
}
