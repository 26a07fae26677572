import { parseArgs } from 'node:util';
import { openDatabase } from './store/db.js';
import { countAccounts } from './store/accounts.js';
import { seedDemoData, seedLargeData } from './seed.js';

const { values } = parseArgs({
  options: {
    groups: { type: 'string', default: '0' },
    contacts: { type: 'string', default: '0' },
    /** Default: 20 a group. */
    listings: { type: 'string' },
    database: { type: 'string' },
  },
});

const groups = Number(values.groups);
const contacts = Number(values.contacts);
const listings = values.listings === undefined ? undefined : Number(values.listings);
const counts = [groups, contacts, listings ?? 0];
if (counts.some((n) => !Number.isInteger(n) || n < 0)) {
  console.error(
    'Usage: npm run seed -- --groups 10000 --contacts 100000 [--listings 200000] [--database path.db]',
  );
  process.exit(1);
}

const path = values.database ?? process.env.DATABASE_PATH ?? './data/portal-groups.db';
const db = openDatabase(path);
const started = Date.now();
if (countAccounts(db) === 0) seedDemoData(db);
const added = seedLargeData(db, { groups, contacts, listings });
db.close();
console.log(
  `Seeded ${added.contacts} contacts, ${added.groups} groups (${added.members} memberships), ${added.listings} listings into ${path} in ${Date.now() - started} ms`,
);
