// The machine's limit for an answer: the same bytes, sent from memory by a bare Fastify route.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.env.BENCH_BODY_FILE ?? '', 'utf8');
const app = Fastify({ logger: false });
app.get('/', (_request, reply) =>
  reply.header('Content-Type', 'application/json; charset=utf-8').send(body),
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
