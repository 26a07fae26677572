import Papa from 'papaparse';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AUDIT_CSV_COLUMNS, auditQuerySchema, type AuditPage } from '../../shared/audit.js';
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

/** `GET /auth/audit` and `/auth/audit.csv`: the signed-in user's own trail, never another's. */
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
      return reply
        .code(400)
        .send(
          failure(SparkCode.InvalidParameter, '_page must be 1 or more and _limit from 1 to 200.'),
        );
    }
    const { _page: page, _limit: limit } = query.data;
    const { total, entries } = await audit.page(session.user.Id, page, limit);
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

  app.get('/auth/audit.csv', async (request, reply) => {
    const session = await signedIn(request, reply);
    if (!session) return reply;
    const entries = await audit.all(session.user.Id);
    const rows = entries.map((entry) => AUDIT_CSV_COLUMNS.map((column) => entry[column] ?? ''));
    const csv = Papa.unparse(
      { fields: [...AUDIT_CSV_COLUMNS], data: rows },
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
