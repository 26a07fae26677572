import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Pagination } from '../../shared/envelope.js';

/** An MSW server for this test file: unhandled requests fail the test. */
export function setupMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

export function sparkResults(results: unknown[], pagination?: Pagination, status = 200) {
  return HttpResponse.json(
    { D: { Success: true, Results: results, Pagination: pagination } },
    { status },
  );
}

export function sparkError(status: number, code: number, message = 'Error', headers?: HeadersInit) {
  return HttpResponse.json(
    { D: { Success: false, Code: code, Message: message } },
    { status, headers },
  );
}
