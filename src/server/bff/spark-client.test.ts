import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_ID,
  failures,
  myAccountOfAConsumer,
  myAccountOfAnAgent,
} from '../../shared/testing/real-spark-shapes.js';
import { loadConfig } from '../config.js';
import { SparkClient } from './spark-client.js';

/** A stand-in for the live Spark API that answers /v1/my/account per token, as recorded. */
const live = Fastify();
const accounts: Record<string, [number, unknown]> = {
  agent: [200, myAccountOfAnAgent],
  consumer: [200, myAccountOfAConsumer],
  expired: [401, failures.expired],
  garbage: [200, { D: { Success: true, Results: [{ Name: 'No Id' }] } }],
};
live.get('/v1/my/account', async (request, reply) => {
  const token = request.headers.authorization?.replace('OAuth ', '') ?? '';
  const [status, body] = accounts[token] ?? [401, failures.bare];
  return reply.code(status).send(body);
});

let spark: SparkClient;
beforeAll(async () => {
  const url = await live.listen({ port: 0, host: '127.0.0.1' });
  spark = new SparkClient(loadConfig({ SPARK_API_URL: url, DATABASE_PATH: ':memory:' }));
});
afterAll(() => live.close());

describe('the sign-in server reads /v1/my/account as the real Spark API sends it', () => {
  it('an agent with no UserType, Role or ResourceUri and many more fields', async () => {
    // The office is kept: an assistant's list of agents shows it.
    expect(await spark.myAccount('agent', '127.0.0.1')).toEqual({
      Id: AGENT_ID,
      Name: 'Avery Stone',
      UserType: 'Member',
      Role: 'Private',
      Office: 'Stone & Partners Realty',
    });
  });

  it('a consumer with UserType Contact and no Role', async () => {
    expect(await spark.myAccount('consumer', '127.0.0.1')).toMatchObject({
      Name: 'Rosa Lindqvist',
      UserType: 'Contact',
      Role: 'VOW',
    });
  });

  it('refuses a failure or an account without an Id', async () => {
    await expect(spark.myAccount('expired', '127.0.0.1')).rejects.toThrow(
      'my/account answered 401',
    );
    await expect(spark.myAccount('garbage', '127.0.0.1')).rejects.toThrow(
      'my/account answered 200',
    );
  });
});
