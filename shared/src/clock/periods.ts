// The periods of the 条例 (国务院令第711号) and 国办函〔2020〕109号, in working days.

/** Reply within 20 working days of receipt (Art. 33 ¶1). */
export const REPLY_PERIOD = 20;
/** One extension of at most 20 working days (Art. 33 ¶1). */
export const MAX_EXTENSION = 20;
/** Correction must be asked for within 7 working days of receipt (Art. 30). */
export const CORRECTION_NOTICE_WINDOW = 7;
/** A third party has 15 working days to answer a consultation (Art. 32). */
export const THIRD_PARTY_REPLY_PERIOD = 15;
/** Pay the processing fee within 20 working days from the day after receiving the notice (国办函〔2020〕109号). */
export const FEE_PAYMENT_PERIOD = 20;
/** "Close to the deadline" (即将超时) for reminders and supervision lists. */
export const DUE_SOON_WORKING_DAYS = 3;
/**
 * Suggested applicant correction period. The 条例 only says "合理的补正期限"; many bodies give 15
 * working days. A suggestion for the form, not a rule: the guard only requires a later date.
 */
export const SUGGESTED_CORRECTION_PERIOD = 15;
