/** Spark API error codes: those the emulator sends (spec §1.1) and those only the real API sends (Appendix A). */
export const SparkCode = {
  NotFound: 404,
  MethodNotAllowed: 405,
  Unauthorized: 1000,
  MissingUserAgent: 1016,
  ReadOnlyRole: 1018,
  TokenExpired: 1020,
  AccountNotReady: 1023,
  DataNotReady: 1024,
  PortalGroupInvalid: 1025,
  InternalError: 1026,
  HttpsRequired: 1030,
  BadBody: 1035,
  FilterInvalid: 1040,
  FilterTooComplex: 1041,
  MissingParameter: 1050,
  InvalidParameter: 1053,
  Duplicate: 1055,
  NoPortalAccount: 1100,
  PortalAccountExists: 1110,
  RoleForbidden: 1500,
  TemporarilyUnavailable: 1510,
  TookTooLong: 1515,
  SearchTookTooLong: 1516,
  RateLimited: 1550,
} as const;

export type SparkCodeValue = (typeof SparkCode)[keyof typeof SparkCode];
