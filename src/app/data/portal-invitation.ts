/**
 * What creating a portal account (or turning one on) does for the client, in plain words. Spark
 * has no invite call (`POST /contacts/<Id>/portal` notifies no one), so the app sends nothing.
 */
export const NO_INVITATION_NOTE =
  'This e-mails no one: Spark has no invitation. Invite or re-invite the client from Flexmls, not from here; they sign in or sign up on your portal’s login page (portal.flexmls.com/r/login/ followed by your portal’s name).';
