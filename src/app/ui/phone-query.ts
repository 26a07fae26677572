/** Below 600 px tables become stacked cards. */
export const PHONE_QUERY = '(max-width: 37.5em)';
