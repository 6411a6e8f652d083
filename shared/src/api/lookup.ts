// GET /api/lookup?number=PW-2026-000123&code=XXXXXXXXXX — public, no sign-in, rate-limited.
// Status and dates only: no name, no identity, no content of the request, no messages.
// A wrong number and a wrong code give the same 404.
import type { LegalDate } from '../calendar/dates';
import type { Phase } from '../lifecycle/phases';
import type { OutcomeGroup } from '../outcomes';
import type { DeadlineLabel } from './common';

export interface LookupResult {
  number: string;
  bodyName: string;
  phase: Phase;
  /** The citizen's label (statusLabel(state, 'citizen')). */
  stateLabel: string;
  submittedOn: LegalDate | null;
  receivedOn: LegalDate | null;
  dueOn: LegalDate | null;
  paused: boolean;
  extended: boolean;
  deadlineLabel: DeadlineLabel;
  /** Beside the due date while it depends on a year whose holiday notice is not entered (LegalClock.provisionalNote). */
  provisionalNote: string | null;
  concludedOn: LegalDate | null;
  /** Only the group (予以公开/部分公开/…), once concluded. */
  outcomeGroup: OutcomeGroup | null;
  outcomeGroupLabel: string | null;
}
