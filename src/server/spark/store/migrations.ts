import type Database from 'better-sqlite3';
import { runMigrations } from '../../sqlite-migrations.js';
import { tokenHash } from './token-hash.js';

/**
 * Versioned schema. Each entry runs once, in order, inside a transaction; `PRAGMA user_version`
 * records how far a database has come. Never edit a released entry: append a new one.
 */
const migrations: string[] = [
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    user_type TEXT NOT NULL CHECK (user_type IN ('Member', 'Contact')),
    role TEXT NOT NULL CHECK (role IN ('Private', 'VOW', 'Portal', 'IDX', 'Public')),
    -- consumers: the agent whose client they are, and their own portal account
    agent_id TEXT REFERENCES accounts(id),
    portal_account_id TEXT
  );

  CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES accounts(id),
    display_name TEXT NOT NULL,
    given_name TEXT,
    family_name TEXT,
    primary_email TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    modified_at TEXT NOT NULL,
    -- lower-case, accent-free forms for ordering and case-insensitive search
    display_key TEXT NOT NULL,
    given_key TEXT,
    family_key TEXT,
    email_key TEXT
  );
  CREATE INDEX contacts_agent_display ON contacts(agent_id, display_key, id);
  CREATE INDEX contacts_agent_given ON contacts(agent_id, given_key, id);
  CREATE INDEX contacts_agent_family ON contacts(agent_id, family_key, id);
  CREATE INDEX contacts_agent_modified ON contacts(agent_id, modified_at, id);
  CREATE UNIQUE INDEX contacts_agent_email ON contacts(agent_id, email_key) WHERE email_key IS NOT NULL;

  CREATE TABLE portal_accounts (
    id TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL UNIQUE REFERENCES contacts(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL DEFAULT 1,
    last_login TEXT,
    last_active TEXT
  );

  CREATE TABLE portal_groups (
    id TEXT PRIMARY KEY REFERENCES portal_accounts(id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL REFERENCES accounts(id),
    contact_id TEXT NOT NULL REFERENCES contacts(id),
    favorites INTEGER NOT NULL DEFAULT 0,
    -- the owner's display name and its sort key, copied so the list orders and filters on one index
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX portal_groups_agent_name ON portal_groups(agent_id, name_key, id);
  CREATE INDEX portal_groups_agent_contact ON portal_groups(agent_id, contact_id);

  CREATE TABLE portal_group_members (
    group_id TEXT NOT NULL REFERENCES portal_groups(id) ON DELETE CASCADE,
    portal_account_id TEXT NOT NULL REFERENCES portal_accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, portal_account_id)
  ) WITHOUT ROWID;
  CREATE INDEX portal_group_members_account ON portal_group_members(portal_account_id, group_id);

  CREATE TABLE current_groups (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL
  );

  CREATE TABLE oauth_clients (
    client_id TEXT PRIMARY KEY,
    client_secret TEXT NOT NULL,
    name TEXT NOT NULL,
    redirect_uris TEXT NOT NULL DEFAULT '[]'
  );

  CREATE TABLE oauth_codes (
    code TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),
    redirect_uri TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE access_tokens (
    token TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    client_id TEXT,
    refresh_token TEXT UNIQUE,
    expires_at INTEGER, -- epoch ms; NULL never expires (the demo tokens)
    revoked INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE bff_sessions (
    id TEXT PRIMARY KEY,
    access_token TEXT,
    refresh_token TEXT,
    user_json TEXT,
    oauth_state TEXT,
    return_to TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- name_key orders groups by the owner's family then given name; display_key is what Name filters
  ALTER TABLE portal_groups ADD COLUMN display_key TEXT NOT NULL DEFAULT '';
  UPDATE portal_groups SET display_key = (SELECT c.display_key FROM contacts c WHERE c.id = portal_groups.contact_id);

  CREATE TRIGGER contacts_rename_groups AFTER UPDATE OF display_name, display_key, given_key, family_key ON contacts
  BEGIN
    UPDATE portal_groups
    SET name = NEW.display_name,
        display_key = NEW.display_key,
        name_key = COALESCE(NEW.family_key || ' ' || COALESCE(NEW.given_key, ''), NEW.display_key)
    WHERE contact_id = NEW.id;
  END;
  `,
  `
  -- The group list, its filters and its counts read this index alone, in its order.
  CREATE INDEX portal_groups_agent_list ON portal_groups(agent_id, name_key, id, contact_id, favorites, display_key);
  DROP INDEX portal_groups_agent_name;
  -- Group members: the portal account's columns without a visit to the table.
  CREATE INDEX portal_accounts_member ON portal_accounts(id, contact_id, enabled, last_login);
  `,
  `
  -- Groups order by the owner's Name as shown (display_key), as Spark does, no longer by family
  -- name; the copied name and the family-first key were never read, so they go.
  DROP TRIGGER contacts_rename_groups;
  DROP INDEX portal_groups_agent_list;
  ALTER TABLE portal_groups DROP COLUMN name;
  ALTER TABLE portal_groups DROP COLUMN name_key;
  CREATE INDEX portal_groups_agent_list ON portal_groups(agent_id, display_key, id, contact_id, favorites);

  CREATE TRIGGER contacts_rename_groups AFTER UPDATE OF display_key ON contacts
  BEGIN
    UPDATE portal_groups SET display_key = NEW.display_key WHERE contact_id = NEW.id;
  END;
  `,
  `
  -- Sessions moved to the sign-in server's own sealed store (sessions.db); drop clear-text tokens.
  DROP TABLE bff_sessions;
  `,
  `
  -- "Name or e-mail contains" (the Add members search) reads candidates from a trigram index of
  -- the folded keys instead of testing every contact. It stores no copy (content='contacts') and
  -- follows contacts by rowid, so contacts must never be VACUUMed without a 'rebuild' after.
  CREATE VIRTUAL TABLE contacts_search USING fts5(
    display_key, email_key, content='contacts', tokenize='trigram', detail='none'
  );
  INSERT INTO contacts_search(contacts_search) VALUES ('rebuild');
  CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search (rowid, display_key, email_key)
    VALUES (NEW.rowid, NEW.display_key, NEW.email_key);
  END;
  CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, display_key, email_key)
    VALUES ('delete', OLD.rowid, OLD.display_key, OLD.email_key);
  END;
  CREATE TRIGGER contacts_search_update AFTER UPDATE OF display_key, email_key ON contacts BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, display_key, email_key)
    VALUES ('delete', OLD.rowid, OLD.display_key, OLD.email_key);
    INSERT INTO contacts_search (rowid, display_key, email_key)
    VALUES (NEW.rowid, NEW.display_key, NEW.email_key);
  END;
  `,
  `
  -- Tokens and codes at rest as their SHA-256 (token_hash(), registered by migrate): whoever reads
  -- this file cannot call the API with what it finds.
  CREATE TABLE access_tokens_hashed (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    client_id TEXT,
    refresh_token_hash TEXT UNIQUE,
    expires_at INTEGER, -- epoch ms; NULL never expires (the demo tokens)
    revoked INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO access_tokens_hashed
    SELECT token_hash(token), account_id, client_id, token_hash(refresh_token), expires_at, revoked
    FROM access_tokens;
  DROP TABLE access_tokens;
  ALTER TABLE access_tokens_hashed RENAME TO access_tokens;

  CREATE TABLE oauth_codes_hashed (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),
    redirect_uri TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO oauth_codes_hashed
    SELECT token_hash(code), client_id, redirect_uri, account_id, expires_at, used FROM oauth_codes;
  DROP TABLE oauth_codes;
  ALTER TABLE oauth_codes_hashed RENAME TO oauth_codes;
  `,
  `
  -- A fictional MLS (read-only: only seeding writes it). Text columns compare without case, as
  -- SparkQL does; address_key is the folded one-line address that "address contains" searches.
  CREATE TABLE listings (
    id TEXT PRIMARY KEY,
    serial INTEGER NOT NULL UNIQUE,
    mls_number TEXT NOT NULL COLLATE NOCASE,
    list_price INTEGER NOT NULL,
    street_number TEXT NOT NULL,
    street_name TEXT NOT NULL,
    unit TEXT,
    city TEXT NOT NULL COLLATE NOCASE,
    state TEXT NOT NULL,
    postal_code TEXT NOT NULL COLLATE NOCASE,
    county TEXT NOT NULL,
    address_key TEXT NOT NULL,
    beds INTEGER,
    baths_full INTEGER,
    baths_half INTEGER,
    baths REAL,
    area INTEGER,
    year_built INTEGER,
    property_type TEXT NOT NULL COLLATE NOCASE,
    mls_status TEXT NOT NULL COLLATE NOCASE,
    office TEXT NOT NULL,
    photo_count INTEGER NOT NULL,
    modified_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX listings_mls ON listings(mls_number);
  CREATE INDEX listings_modified ON listings(modified_at, id);
  CREATE INDEX listings_price ON listings(list_price, id);
  -- Counts of the usual searches (place, status, type, price, size) read this index alone.
  CREATE INDEX listings_search ON listings(
    city, mls_status, property_type, list_price, beds, baths, area, postal_code
  );
  CREATE INDEX listings_status ON listings(mls_status, property_type, list_price, beds, baths, area);
  CREATE VIRTUAL TABLE listings_address USING fts5(
    address_key, content='listings', tokenize='trigram', detail='none'
  );
  CREATE TRIGGER listings_address_insert AFTER INSERT ON listings BEGIN
    INSERT INTO listings_address (rowid, address_key) VALUES (NEW.rowid, NEW.address_key);
  END;
  CREATE TRIGGER listings_address_delete AFTER DELETE ON listings BEGIN
    INSERT INTO listings_address (listings_address, rowid, address_key)
    VALUES ('delete', OLD.rowid, OLD.address_key);
  END;

  -- LastActive is kept to the hour, as Spark keeps it.
  UPDATE portal_accounts SET last_active = strftime('%Y-%m-%dT%H:00:00Z', last_active)
  WHERE last_active IS NOT NULL;
  `,
  `
  -- What a circle shares (spec §8): listing carts and saved searches belong to a portal account
  -- (a consumer's, whose circle shares them) or to an agent's own account; no foreign key can
  -- name both, so triggers clear a portal account's when it goes.
  CREATE TABLE listing_carts (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    -- Favorites, Possibilities, Rejects (made with the portal account), Custom (a consumer's
    -- own); NULL for an agent's carts
    portal_cart_type TEXT
      CHECK (portal_cart_type IN ('Favorites', 'Possibilities', 'Rejects', 'Custom')),
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX listing_carts_owner_name ON listing_carts(owner_id, name_key);

  CREATE TABLE cart_listings (
    cart_id TEXT NOT NULL REFERENCES listing_carts(id) ON DELETE CASCADE,
    listing_id TEXT NOT NULL REFERENCES listings(id),
    -- the order the listings were added in
    position INTEGER NOT NULL,
    PRIMARY KEY (cart_id, listing_id)
  ) WITHOUT ROWID;
  CREATE INDEX cart_listings_listing ON cart_listings(listing_id, cart_id);

  CREATE TABLE saved_searches (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    filter TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    -- an agent made it for the contact
    provided INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  );
  CREATE INDEX saved_searches_owner ON saved_searches(owner_id, name_key, id);

  -- Spark makes the three portal carts with every portal account: so does this trigger, for any
  -- way one is made, with Ids of its own (no runtime Id starts with 20000101).
  CREATE TRIGGER portal_accounts_portal_carts AFTER INSERT ON portal_accounts BEGIN
    INSERT INTO listing_carts (id, owner_id, name, name_key, portal_cart_type, created_at, modified_at)
    SELECT '20000101000000' || printf('%012d', NEW.rowid * 3 + k), NEW.id, type, lower(type), type,
           strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM (SELECT 0 AS k, 'Favorites' AS type UNION ALL SELECT 1, 'Possibilities'
          UNION ALL SELECT 2, 'Rejects');
  END;
  CREATE TRIGGER portal_accounts_shares_delete AFTER DELETE ON portal_accounts BEGIN
    DELETE FROM listing_carts WHERE owner_id = OLD.id;
    DELETE FROM saved_searches WHERE owner_id = OLD.id;
  END;
  INSERT INTO listing_carts (id, owner_id, name, name_key, portal_cart_type, created_at, modified_at)
  SELECT '20000101000000' || printf('%012d', pa.rowid * 3 + t.k), pa.id, t.type, lower(t.type),
         t.type, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM portal_accounts pa
  CROSS JOIN (SELECT 0 AS k, 'Favorites' AS type UNION ALL SELECT 1, 'Possibilities'
              UNION ALL SELECT 2, 'Rejects') t;
  `,
  // Spark contacts carry phone numbers as typed (any format); the contact panel links them.
  `
  ALTER TABLE contacts ADD COLUMN mobile_phone TEXT;
  ALTER TABLE contacts ADD COLUMN home_phone TEXT;
  ALTER TABLE contacts ADD COLUMN work_phone TEXT;
  `,
];

/**
 * Brings a database up to `target` (all migrations unless a test stops earlier). What a migration
 * deletes is overwritten (`secure_delete`), and the write-ahead log is emptied after, so no token
 * it replaced by its hash stays readable in the file.
 */
export function migrate(db: Database.Database, target = migrations.length): void {
  db.function('token_hash', { deterministic: true }, (token: unknown) =>
    typeof token === 'string' ? tokenHash(token) : null,
  );
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from >= target) return;
  const secureDelete = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    runMigrations(db, migrations, target);
  } finally {
    db.pragma(`secure_delete = ${Number(secureDelete)}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}
