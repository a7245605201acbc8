/**
 * Words that name a kind of division at the end of a folded name: `hasakah province` asks for the
 * division, and second-level divisions are indexed only under names that carry one (`dallas county`).
 */
export const DIVISION_WORD_RE =
  /\s(province|governorate|state|region|oblast|prefecture|county|district|department|territory|municipality|parish|borough|emirate|wilaya|muhafazah)$/;
