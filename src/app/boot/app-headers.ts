/**
 * Headers every app request carries: the CSRF guard (the server refuses writes without it) and
 * JSON answers.
 */
export const APP_REQUEST_HEADERS = {
  'X-Requested-With': 'PortalGroupsAdmin',
  Accept: 'application/json',
} as const;
