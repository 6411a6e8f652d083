// Endpoints of the staff console beside the requests API (server/src/routes/staff-console).
//
// GET /api/staff/supervision?year=YYYY — the office head's view (督办): requests close to their
// legal deadline (即将超时, within DUE_SOON_WORKING_DAYS) and overdue ones across the departments
// (a county-wide admin: across the county's bodies), how long handling takes, and the year's
// outcomes as counted in the annual report (row of table 三 = outcome, year = conclusion date).
// Reviewer and admin only (403 for the others).
import type { LegalDate } from '../calendar/dates';
import type { Role } from '../lifecycle/roles';
import type { OutcomeGroup, OutcomeKey } from '../outcomes';
import type { StaffInboxItem } from './staff-requests';

export interface SupervisionUnit {
  /** Department of the assignee, or the body for a county-wide admin; '' = not yet assigned. */
  key: string;
  label: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

export interface SupervisionView {
  year: number;
  today: LegalDate;
  /** DUE_SOON_WORKING_DAYS (3). */
  dueSoonWorkingDays: number;
  /** Open requests past their reply date, most overdue first. */
  overdue: StaffInboxItem[];
  /** Open requests due within dueSoonWorkingDays working days, earliest first. */
  dueSoon: StaffInboxItem[];
  units: SupervisionUnit[];
  /** Requests concluded in `year` (delivered, closed or withdrawn after receipt). */
  handling: {
    concluded: number;
    /** Mean working days from receipt (or the corrected request) to conclusion; null when none. */
    averageWorkingDays: number | null;
    /** Mean calendar days from receipt to conclusion; null when none. */
    averageCalendarDays: number | null;
    /** Concluded within their reply period (clock's onTime), of those the clock can judge. */
    onTime: number;
    late: number;
  };
  /** Every outcome of table 三 with this year's count (zeros included), in the table's order. */
  outcomes: Array<{ outcome: OutcomeKey; label: string; group: OutcomeGroup; groupLabel: string; count: number }>;
}

/** GET /api/staff/assignees — active staff of my body a request can be assigned to (分办). */
export interface StaffAssignee {
  id: string;
  name: string;
  role: Role;
  roleLabel: string;
  department?: string;
}

export interface StaffAssigneeList {
  items: StaffAssignee[];
}

/**
 * GET /api/staff/requests/:id/fee-basis — where the request stands in its applicant's month, for
 * a per-request fee (国办函〔2020〕109号 counts per applicant per calendar month). The applicant
 * is matched by ID-number fingerprint (natural person) or credit code (organisation), among
 * requests to the same body received in the same month, in order of receipt.
 */
export interface FeeBasisView {
  /** 'YYYY-MM' of the receipt date. */
  month: string;
  ordinalInMonth: number;
  countInMonth: number;
}
