/**
 * Answers in the shapes the real Spark API sends, beyond what the emulator sends (spec Appendix A).
 * Our own data, written after the responses recorded from the live API that the official Ruby
 * client keeps under `spec/fixtures/` in sparkapi/spark_api (named on each one), and after
 * Spark's documentation where nothing was recorded. Used by the app's and the sign-in server's
 * contract tests.
 */

export const AGENT_ID = '20261101120000000000000001';
export const OWNER_CONTACT_ID = '20261101120000000000000101';
export const GROUP_ID = '20261101120000000000000201';

/**
 * A group with everything the real API may add: unknown keys on the record and the users,
 * `Version`/`LastUpdated` in `D`, null Office/Company, LastLogin with an offset
 * (comments/get.json) or no zone (messages/get.json), and an agent listed as a `Member` with
 * Office set and no Active/Enabled/LastLogin (the `Sender` of messages/get.json).
 */
export const groupAsSparkSendsIt = {
  D: {
    Success: true,
    Version: 3,
    LastUpdated: '2026-11-27T09:30:15-06:00',
    Results: [
      {
        Id: GROUP_ID,
        ResourceUri: `/v1/portal/groups/${GROUP_ID}`,
        ContactId: OWNER_CONTACT_ID,
        Tags: ['Favorites'],
        ModificationTimestamp: '2026-11-27T09:30:15',
        Users: [
          {
            Id: OWNER_CONTACT_ID,
            ResourceUri: `/v1/contacts/${OWNER_CONTACT_ID}`,
            UserType: 'Contact',
            Name: 'Rosa Lindqvist',
            Active: true,
            Enabled: true,
            LastLogin: '2026-11-26T08:15:00-06:00',
            OfficeId: null,
            Office: null,
            CompanyId: null,
            Company: null,
            Locale: { Language: 'en' },
          },
          {
            Id: '20261101120000000000000102',
            ResourceUri: '/v1/contacts/20261101120000000000000102',
            UserType: 'Contact',
            Name: 'Tomás Ferreira',
            Active: false,
            Enabled: true,
            LastLogin: '2026-09-02T17:45:10',
            OfficeId: null,
            Office: null,
            CompanyId: null,
            Company: null,
          },
          {
            Id: AGENT_ID,
            ResourceUri: `/v1/accounts/${AGENT_ID}`,
            UserType: 'Member',
            Name: 'Avery Stone',
            OfficeId: '20261101120000000000000901',
            Office: 'Stone & Partners Realty',
            CompanyId: null,
            Company: null,
          },
        ],
      },
    ],
  },
};

/** A list page as Spark pages it with `_pagination=1` (count.json's Pagination, with Results). */
export function groupsPage(results: unknown[], pagination: Record<string, number>) {
  return { D: { Success: true, Results: results, Pagination: pagination } };
}

/** `_skip` paging answers `CurrentOffset` instead of `CurrentPage` (Spark's paging docs). */
export const offsetPagination = { TotalRows: 60, PageSize: 25, TotalPages: 3, CurrentOffset: 25 };

/** `_pagination=count`: Pagination and no Results at all (count.json). */
export const countWithoutResults = {
  D: {
    Success: true,
    Pagination: { TotalPages: 81, PageSize: 25, TotalRows: 2001, CurrentPage: 1 },
  },
};

/**
 * Contacts as Spark lists them: only some fields (contacts/contacts.json), or more than we read
 * (contacts/my.json: HomeStreetAddress), no VowEnabled or ModificationTimestamp.
 */
export const contactsAsSparkSendsThem = {
  D: {
    Success: true,
    Results: [
      {
        ResourceUri: '/v1/contacts/20261101120000000000000301',
        DisplayName: 'Nadia Okafor',
        Id: '20261101120000000000000301',
        PrimaryEmail: 'nadia.okafor@example.net',
        Tags: ['IDX Lead'],
      },
      {
        HomeStreetAddress: '12 Larch Lane',
        ResourceUri: '/v1/contacts/20261101120000000000000302',
        DisplayName: 'Pieter de Vries',
        Id: '20261101120000000000000302',
        Tags: [],
        PrimaryEmail: 'pieter@example.net',
        FamilyName: 'de Vries',
        GivenName: 'Pieter',
      },
    ],
  },
};

/** A portal account with no Enabled flag, plus OwnerId, LoginName, Locale (vow_accounts/get.json). */
export const portalAccountWithoutFlag = {
  D: {
    Success: true,
    Results: [
      {
        ResourceUri: '/v1/contacts/20261101120000000000000301/portal',
        Id: '20261101120000000000000401',
        OwnerId: AGENT_ID,
        LoginName: 'nadia',
        LastLogin: '2026-10-07T20:09:37Z',
        Locale: { Language: 'en' },
      },
    ],
  },
};

/** Enabled only as the `Settings.Enabled` string (the shape of vow_accounts/new.json). */
export const portalAccountWithSettingsString = {
  D: {
    Success: true,
    Results: [
      {
        ResourceUri: '/v1/contacts/20261101120000000000000302/portal',
        Id: '20261101120000000000000402',
        LoginName: 'pieter',
        LastLogin: null,
        Settings: { Enabled: 'false' },
      },
    ],
  },
};

/** The agent's account: no UserType, Role or ResourceUri, many more fields (accounts/my.json). */
export const myAccountOfAnAgent = {
  D: {
    Success: true,
    Results: [
      {
        Name: 'Avery Stone',
        Id: AGENT_ID,
        Office: 'Stone & Partners Realty',
        OfficeId: '20261101120000000000000901',
        Mls: 'Lakes Regional MLS',
        MlsId: '20261101120000000000000902',
        Emails: [{ Type: 'Work', Name: 'Work', Address: 'avery@example.net', Primary: true }],
        Phones: [{ Type: 'Mobile', Name: 'Mobile', Number: '701-555-0142' }],
        Websites: [],
        Addresses: [],
        Images: [],
      },
    ],
  },
};

/** A consumer's account: UserType Contact as documented, no Role (accounts/my_portal.json). */
export const myAccountOfAConsumer = {
  D: {
    Success: true,
    Results: [
      {
        Name: 'Rosa Lindqvist',
        Id: '20261101120000000000000501',
        UserType: 'Contact',
        Emails: [],
        Phones: [],
        Websites: [],
        Addresses: [],
        GetEmailUpdates: false,
      },
    ],
  },
};

/** A write accepted for later processing: 202 with the bare success envelope (Spark docs). */
export const acceptedForLater = { D: { Success: true } };

/** A create answered with one ResourceUri per record (contacts_post.json). */
export const createdContacts = {
  D: {
    Success: true,
    Results: [
      { ResourceUri: '/v1/contacts/20261101120000000000000303' },
      { ResourceUri: '/v1/contacts/20261101120000000000000304' },
    ],
  },
};

/** Failures in the shapes recorded from the real API. */
export const failures = {
  /** No Code, no Message at all (errors/failure.json, generic_failure.json). */
  bare: { D: { Success: false } },
  /** The older constraint form with `Details` (errors/failure_with_constraint.json). */
  withDetails: {
    D: {
      Message: 'The data you provided failed constraints',
      Success: false,
      Details: [{ Users: [{ RuleName: 'MaxCount', RuleValue: 100, Value: 140 }] }],
      Code: 1053,
    },
  },
  /** errors/failure_with_msg.json. */
  duplicate: {
    D: {
      Message: "The e-mail address 'pieter@example.net' belongs to another prospect",
      Success: false,
      Code: 1055,
    },
  },
  /** errors/expired.json. */
  expired: { D: { Success: false, Message: 'Session token has expired', Code: 1020 } },
  /**
   * `Errors` of every Type, nested, with Record and Rule (Spark's error docs; the Ruby client reads
   * `Errors` as in spec/unit/spark_api/request_spec.rb), and no top-level Message.
   */
  nestedErrors: {
    D: {
      Success: false,
      Code: 1053,
      Errors: [
        {
          Type: 'InvalidRecord',
          Record: 'PortalGroup',
          Errors: [
            { Type: 'RuleViolation', Rule: 'MaxUsers', Message: 'A group has at most 100 users.' },
            {
              Type: 'InvalidAttribute',
              Attribute: 'Users[2].Id',
              Message: 'Users[2].Id is not one of your contacts.',
            },
          ],
        },
      ],
    },
  },
  /** SparkQLErrors with each Status, Message optional (request_spec.rb: Token and Status only). */
  sparkQl: {
    D: {
      Success: false,
      Code: 1040,
      Message: 'The _filter syntax was invalid.',
      SparkQLErrors: [
        { Token: 'ExpirationDate', Status: 'Dropped' },
        { Token: 'Nam', Status: 'Fatal', Message: "'Nam' is not a searchable field." },
        { Token: "'Ste", Status: 'Recovered', Message: 'Closed the open quote.' },
      ],
    },
  },
};

/** Error statuses only the real API sends (Appendix A); messages as Spark's code list words them. */
export const serviceFailures = [
  { status: 503, code: 1023, message: "The user's account is not yet available in Spark." },
  { status: 503, code: 1024, message: 'The data for this account is not yet available.' },
  { status: 503, code: 1510, message: 'The API is temporarily unavailable.' },
  { status: 500, code: 1515, message: 'Your request took too long to process.' },
  { status: 500, code: 1516, message: 'Cancelled due to the _filter or _orderby parameter.' },
  { status: 400, code: 1025, message: 'The selected portal group is no longer valid.' },
  { status: 403, code: 1030, message: 'SSL required for this type of request' },
  { status: 503, code: 1550, message: 'Over rate limit' },
] as const;

const LISTING_ID = '20261101120000000000000601';
const photoUris = (photoId: string) => ({
  Uri300: `https://photos.example.net/lrm/${photoId}.jpg`,
  Uri640: `https://cdn.example.net/lrm/640x480/true/${photoId}-o.jpg`,
  Uri800: `https://cdn.example.net/lrm/800x600/true/${photoId}-o.jpg`,
  Uri1024: `https://cdn.example.net/lrm/1024x768/true/${photoId}-o.jpg`,
  Uri1280: `https://cdn.example.net/lrm/1280x1024/true/${photoId}-o.jpg`,
  UriLarge: `https://photos.example.net/lrm/${photoId}-o.jpg`,
  UriThumb: `https://photos.example.net/lrm/${photoId}-t.jpg`,
});

/**
 * A listing with its photos, in the shape of listing_with_photos.json: decimals as strings
 * ("50000.0", a Longitude with a leading space), null bath counts, photo ResourceUris under
 * `/pictures/`, Uri1024/Uri1280 beside the sizes the emulator also sends, more StandardFields
 * than it sends, and `Success` after `Results`.
 */
export const listingAsSparkSendsIt = {
  D: {
    Results: [
      {
        ResourceUri: `/v1/listings/${LISTING_ID}`,
        StandardFields: {
          StreetNumber: '2210',
          Longitude: ' -96.7712',
          City: 'Moorhead',
          ListingId: '26-4471',
          PublicRemarks: 'Bright rambler near the river; new roof in 2024.',
          BuildingAreaTotal: '1640.0',
          YearBuilt: 1962,
          StreetName: 'RIVER',
          ListPrice: '289900.0',
          PostalCode: '56560',
          Latitude: '46.8623',
          BathsThreeQuarter: null,
          Photos: [
            {
              ...photoUris('20261101120000000000000701'),
              ResourceUri: `/v1/listings/${LISTING_ID}/pictures/20261101120000000000000701`,
              Name: 'Front',
              Primary: true,
              Id: '20261101120000000000000701',
              Caption: '',
            },
            {
              ...photoUris('20261101120000000000000702'),
              ResourceUri: `/v1/listings/${LISTING_ID}/pictures/20261101120000000000000702`,
              Name: 'Kitchen',
              Primary: false,
              Id: '20261101120000000000000702',
              Caption: '',
            },
          ],
          BathsFull: null,
          BathsTotal: '2.0',
          StateOrProvince: 'MN',
          PropertyType: 'A',
          StreetAdditionalInfo: null,
          StreetDirPrefix: null,
          BedsTotal: 3,
          StreetDirSuffix: null,
          ListingKey: LISTING_ID,
          ListOfficeName: 'Red River Realty',
          BathsHalf: null,
          ModificationTimestamp: '2026-11-22T20:47:21Z',
          CountyOrParish: 'Clay',
        },
        Id: LISTING_ID,
      },
    ],
    Success: true,
  },
};

/**
 * Listings as a search answers them (listings/multiple.json's shape), one of them with fields a
 * role may not see masked as "********" (Spark's DATA_MASK) and one with fields left out.
 */
export const listingsAsSparkSendsThem = {
  D: {
    Results: [
      listingAsSparkSendsIt.D.Results[0],
      {
        ResourceUri: '/v1/listings/20261101120000000000000602',
        StandardFields: {
          ListingKey: '20261101120000000000000602',
          ListingId: '26-4472',
          ListPrice: '********',
          City: 'Fargo',
          StateOrProvince: 'ND',
          PostalCode: '58103',
          UnparsedFirstLineAddress: '414 Elm St N',
          BedsTotal: '********',
          MlsStatus: 'Active',
        },
        Id: '20261101120000000000000602',
      },
    ],
    Success: true,
  },
};
