import { SparkCode } from '../../shared/spark-codes.js';
import { SparkApiError, WRONG_ACCOUNT } from './spark-fetch.js';

/** What to tell the user about a failed request, in their language. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof SparkApiError)) return 'Something went wrong. Please try again.';
  if (error.isNetwork) return "You're offline; check your connection and try again.";
  const ownWords: (number | undefined)[] = [
    SparkCode.AccountNotReady,
    SparkCode.DataNotReady,
    SparkCode.TemporarilyUnavailable,
    SparkCode.RateLimited,
  ];
  // Spark's own 503 codes have their own words; any other 503 is the generic outage.
  if (error.status === 503 && !ownWords.includes(error.code))
    return 'The service is temporarily unavailable; try again in a moment.';
  switch (error.code) {
    case SparkCode.NoPortalAccount:
      return 'This contact has no portal account yet';
    case SparkCode.PortalAccountExists:
      return 'This contact already has a portal account';
    case SparkCode.ReadOnlyRole:
      return 'Your account can view groups but not change them';
    case SparkCode.RoleForbidden:
      return 'Your account cannot use portal groups';
    case SparkCode.RateLimited:
      return error.retryAfterSeconds
        ? `Flexmls is busy, retrying in ${error.retryAfterSeconds} s`
        : 'Flexmls is busy, retrying shortly';
    case SparkCode.AccountNotReady:
    case SparkCode.DataNotReady:
      return 'Your Flexmls account is not ready yet. Please try again in a few minutes.';
    case SparkCode.TemporarilyUnavailable:
      return 'Flexmls is temporarily unavailable. Please try again shortly.';
    case SparkCode.TookTooLong:
      return 'Flexmls took too long to answer. Please try again.';
    case SparkCode.SearchTookTooLong:
      return 'This search took Flexmls too long. Try a shorter or more specific search.';
    case SparkCode.PortalGroupInvalid:
      return 'The portal group selected for this account no longer exists. Choose another group.';
    case SparkCode.HttpsRequired:
      return 'Flexmls only accepts secure (https) connections. Ask your administrator to check the server settings.';
    case SparkCode.Unauthorized:
    case SparkCode.TokenExpired:
      return error.forAgent
        ? "This agent's sign-in has ended. Remove the agent and add them again from “Working for”."
        : 'Your session has ended';
    case SparkCode.NotFound:
      // The sign-in server's own answer for an agent removed from the session.
      if (error.forAgent && error.message.includes('no longer in your session'))
        return 'That agent is no longer in your session. Go back to your account, or add the agent again.';
      return 'Not found: it may have been deleted';
    case SparkCode.Duplicate:
      return 'A contact with this e-mail already exists';
    case SparkCode.InvalidParameter:
    case SparkCode.MissingParameter:
      return error.message;
    case WRONG_ACCOUNT:
      return error.message;
    case -1:
      return 'The server sent an answer this app cannot read. Please try again later.';
    default:
      return 'Something went wrong on the server. Please try again.';
  }
}
