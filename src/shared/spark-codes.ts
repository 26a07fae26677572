/** Spark API error codes used by this project (spec/spark-api.md §1.1). */
export const SparkCode = {
  NotFound: 404,
  MethodNotAllowed: 405,
  Unauthorized: 1000,
  MissingUserAgent: 1016,
  ReadOnlyRole: 1018,
  TokenExpired: 1020,
  InternalError: 1026,
  BadBody: 1035,
  FilterInvalid: 1040,
  FilterTooComplex: 1041,
  MissingParameter: 1050,
  InvalidParameter: 1053,
  Duplicate: 1055,
  NoPortalAccount: 1100,
  PortalAccountExists: 1110,
  RoleForbidden: 1500,
  RateLimited: 1550,
} as const;

export type SparkCodeValue = (typeof SparkCode)[keyof typeof SparkCode];
