// Endpoints of the staff console beside the requests API (server/src/routes/staff-console).
//
// GET /api/staff/supervision?year=YYYY — the office head's view (督办): requests close to their
// legal deadline (即将超时, within DUE_SOON_WORKING_DAYS) and overdue ones across the departments
// (a county-wide admin: across the county's bodies), how long handling takes, and the year's
// outcomes as counted in the annual report (row of table 三 = outcome, year = conclusion date).
// Reviewer and admin only (403 for the others).
import { z } from 'zod';
import { enumOf, legalDateSchema, outcomeGroupSchema, outcomeSchema } from './common';
import { staffInboxItemSchema } from './staff-requests';
import { staffRoles } from '../lifecycle/roles';

export const supervisionUnitSchema = z.object({
  /** Department of the assignee, or the body for a county-wide admin; '' = not yet assigned. */
  key: z.string(),
  label: z.string(),
  open: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
});
export type SupervisionUnit = z.infer<typeof supervisionUnitSchema>;

export const supervisionViewSchema = z
  .object({
    year: z.number(),
    today: legalDateSchema,
    /** DUE_SOON_WORKING_DAYS (3). */
    dueSoonWorkingDays: z.number(),
    /** Open requests past their reply date, most overdue first. */
    overdue: z.array(staffInboxItemSchema),
    /** Open requests due within dueSoonWorkingDays working days, earliest first. */
    dueSoon: z.array(staffInboxItemSchema),
    units: z.array(supervisionUnitSchema),
    /** Requests concluded in `year` (delivered, closed or withdrawn after receipt). */
    handling: z.object({
      concluded: z.number(),
      /** Mean working days from receipt (or the corrected request) to conclusion; null when none. */
      averageWorkingDays: z.number().nullable(),
      /** Mean calendar days from receipt to conclusion; null when none. */
      averageCalendarDays: z.number().nullable(),
      /** Concluded within their reply period (clock's onTime), of those the clock can judge. */
      onTime: z.number(),
      late: z.number(),
    }),
    /** Every outcome of table 三 with this year's count (zeros included), in the table's order. */
    outcomes: z.array(z.object({ outcome: outcomeSchema, label: z.string(), group: outcomeGroupSchema, groupLabel: z.string(), count: z.number() })),
  })
  .meta({ id: 'SupervisionView' });
export type SupervisionView = z.infer<typeof supervisionViewSchema>;

/** GET /api/staff/assignees — active staff of my body a request can be assigned to (分办). */
export const staffAssigneeSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: enumOf(staffRoles),
  roleLabel: z.string(),
  department: z.string().optional(),
});
export type StaffAssignee = z.infer<typeof staffAssigneeSchema>;

export const staffAssigneeListSchema = z.object({ items: z.array(staffAssigneeSchema) });
export type StaffAssigneeList = z.infer<typeof staffAssigneeListSchema>;

/**
 * GET /api/staff/requests/:id/fee-basis — where the request stands in its applicant's month, for
 * a per-request fee (国办函〔2020〕109号 counts per applicant per calendar month). The applicant
 * is matched by ID-number fingerprint (natural person) or credit code (organisation), among
 * requests to the same body received in the same month, in order of receipt.
 */
export const feeBasisViewSchema = z.object({
  /** 'YYYY-MM' of the receipt date. */
  month: z.string(),
  ordinalInMonth: z.number(),
  countInMonth: z.number(),
});
export type FeeBasisView = z.infer<typeof feeBasisViewSchema>;
