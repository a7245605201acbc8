/**
 * yyyymm of a story's date as written (`a.published`, articles aliased `a`): the month its replies
 * show, and the month the kept per-month counts are keyed by, so a count less what it leaves out agrees.
 */
export const MONTH_OF_PUBLISHED = 'CAST(substr(a.published, 1, 4) AS INTEGER) * 100 + CAST(substr(a.published, 6, 2) AS INTEGER)';
