// The machine's limit for an answer: the same bytes, compressed as the servers compress them
// for a browser (br), sent from memory by a bare Fastify route.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { compressed } from '../../src/server/compression.js';

const body = compressed(readFileSync(process.env.BENCH_BODY_FILE ?? ''), 'br');
const app = Fastify({ logger: false });
app.get('/', (_request, reply) =>
  reply
    .header('Content-Type', 'application/json; charset=utf-8')
    .header('Content-Encoding', 'br')
    .header('Vary', 'accept-encoding')
    .send(body),
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
