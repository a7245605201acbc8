/**
 * yyyymm of a story's date as written (`a.published`, articles aliased `a`): the month its replies
 * show, and the month the kept per-month counts are keyed by, so a count less what it leaves out agrees.
 */
export const MONTH_OF_PUBLISHED = 'substr(a.published, 1, 4)::int * 100 + substr(a.published, 6, 2)::int';
