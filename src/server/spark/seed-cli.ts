import { parseArgs } from 'node:util';
import { openDatabase } from './store/db.js';
import { countAccounts } from './store/accounts.js';
import { seedDemoData, seedLargeData } from './seed.js';

const { values } = parseArgs({
  options: {
    groups: { type: 'string', default: '0' },
    contacts: { type: 'string', default: '0' },
    database: { type: 'string' },
  },
});

const groups = Number(values.groups);
const contacts = Number(values.contacts);
if (!Number.isInteger(groups) || !Number.isInteger(contacts) || groups < 0 || contacts < 0) {
  console.error('Usage: npm run seed -- --groups 10000 --contacts 100000 [--database path.db]');
  process.exit(1);
}

const path = values.database ?? process.env.DATABASE_PATH ?? './data/portal-groups.db';
const db = openDatabase(path);
const started = Date.now();
if (countAccounts(db) === 0) seedDemoData(db);
const added = seedLargeData(db, { groups, contacts });
db.close();
console.log(
  `Seeded ${added.contacts} contacts, ${added.groups} groups (${added.members} memberships) into ${path} in ${Date.now() - started} ms`,
);
