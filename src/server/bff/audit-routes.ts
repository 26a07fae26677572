import Papa from 'papaparse';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  auditCsvQuerySchema,
  auditQuerySchema,
  type AuditEntry,
  type AuditFilter,
  type AuditFiltersAnswer,
  type AuditPage,
} from '../../shared/audit.js';
import { auditCsvColumns, circleOfEntry } from '../../shared/audit-words.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { failure } from './guards.js';
import type { SessionCookie } from './session-cookie.js';
import type { AuditStore } from './store/audit-store.js';
import type { SessionStore } from './store/session-store.js';

export interface AuditRoutesOptions {
  sessions: SessionStore;
  cookie: SessionCookie;
  audit: AuditStore;
}

// Excel reads a UTF-8 file without it as its local code page (accents garbled).
const BOM = '\uFEFF';

const filtered = (filter: AuditFilter) =>
  Object.values(filter).some((value) => value !== undefined);

function matches(entry: AuditEntry, { agent, circle, from, to }: AuditFilter): boolean {
  if (agent && entry.ForId !== agent) return false;
  if (circle && circleOfEntry(entry) !== circle) return false;
  const at = Date.parse(entry.At);
  return !(from && at < Date.parse(from)) && !(to && at >= Date.parse(to));
}

/** The agents and circles a trail names (newest name first seen wins: the trail is newest first). */
function filtersOf(entries: AuditEntry[]): AuditFiltersAnswer['D'] {
  const agents = new Map<string, string>();
  const circles = new Map<string, { Id: string; Name?: string; ForId: string }>();
  for (const entry of entries) {
    if (!agents.has(entry.ForId)) agents.set(entry.ForId, entry.ForName);
    const circleId = circleOfEntry(entry);
    if (!circleId) continue;
    const known = circles.get(circleId);
    if (!known) {
      circles.set(circleId, {
        Id: circleId,
        ForId: entry.ForId,
        ...(entry.CircleName ? { Name: entry.CircleName } : {}),
      });
    } else if (!known.Name && entry.CircleName) {
      known.Name = entry.CircleName;
    }
  }
  const byName = (a: { Name?: string }, b: { Name?: string }) =>
    (a.Name ?? '\uffff').localeCompare(b.Name ?? '\uffff', 'en', { sensitivity: 'base' });
  return {
    Success: true,
    Agents: [...agents].map(([Id, Name]) => ({ Id, Name })).sort(byName),
    Circles: [...circles.values()].sort(byName),
  };
}

const BAD_QUERY =
  '_page must be 1 or more, _limit from 1 to 200, agent and circle Ids, from and to ISO 8601 instants in order, tz an IANA time zone.';

/**
 * `GET /auth/audit` and `/auth/audit.csv`: the signed-in user's trail, what she did and what was
 * done for her (by an assistant), never another's.
 */
export const auditRoutes: FastifyPluginAsync<AuditRoutesOptions> = async (
  app,
  { sessions, cookie, audit },
) => {
  const signedIn = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('Cache-Control', 'no-store');
    const id = cookie.sessionId(request);
    const session = id ? await sessions.get(id) : null;
    if (!session) await reply.code(401).send(failure(SparkCode.Unauthorized, 'Not signed in'));
    return session;
  };

  app.get('/auth/audit', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const query = auditQuerySchema.safeParse(request.query);
    if (!query.success) {
      return reply.code(400).send(failure(SparkCode.InvalidParameter, BAD_QUERY));
    }
    const { _page: page, _limit: limit, ...filter } = query.data;
    // A filtered page reads the whole trail (bounded: see audit-store.ts).
    const { total, entries } = filtered(filter)
      ? await audit.all(session.user.Id).then((all) => {
          const kept = all.filter((entry) => matches(entry, filter));
          return { total: kept.length, entries: kept.slice((page - 1) * limit, page * limit) };
        })
      : await audit.page(session.user.Id, page, limit);
    const answer: AuditPage = {
      D: {
        Success: true,
        Results: entries,
        Pagination: {
          TotalRows: total,
          PageSize: limit,
          TotalPages: Math.ceil(total / limit),
          CurrentPage: page,
        },
      },
    };
    return answer;
  });

  app.get('/auth/audit/filters', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const answer: AuditFiltersAnswer = { D: filtersOf(await audit.all(session.user.Id)) };
    return answer;
  });

  app.get('/auth/audit.csv', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const query = auditCsvQuerySchema.safeParse(request.query);
    if (!query.success) {
      return reply.code(400).send(failure(SparkCode.InvalidParameter, BAD_QUERY));
    }
    const { tz, ...filter } = query.data;
    const entries = (await audit.all(session.user.Id)).filter((entry) => matches(entry, filter));
    const columns = auditCsvColumns(tz);
    const rows = entries.map((entry) => columns.map(([, value]) => value(entry)));
    const csv = Papa.unparse(
      { fields: columns.map(([name]) => name), data: rows },
      // A cell starting = + - @ tab or CR gets a leading ' so that no spreadsheet runs it.
      { newline: '\r\n', escapeFormulae: true },
    );
    const date = new Date().toISOString().slice(0, 10);
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="audit-${date}.csv"`)
      .send(BOM + csv);
  });
};
