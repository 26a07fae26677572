import { SparkCode } from '../../shared/spark-codes.js';
import { SparkApiError } from './spark-fetch.js';

/** What to tell the user about a failed request, in their language. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof SparkApiError)) return 'Something went wrong. Please try again.';
  if (error.isNetwork) return "You're offline; check your connection and try again.";
  if (error.status === 503) return 'The service is temporarily unavailable; try again in a moment.';
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
      return `Flexmls is busy, retrying in ${error.retryAfterSeconds ?? 'a few'} s`;
    case SparkCode.Unauthorized:
    case SparkCode.TokenExpired:
      return 'Your session has ended';
    case SparkCode.NotFound:
      return 'Not found: it may have been deleted';
    case SparkCode.Duplicate:
      return 'A contact with this e-mail already exists';
    case SparkCode.InvalidParameter:
    case SparkCode.MissingParameter:
      return error.message;
    default:
      return 'Something went wrong on the server. Please try again.';
  }
}
