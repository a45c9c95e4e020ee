/**
 * Contract validation: the simulator's own responses and the requests it receives are
 * checked against the OpenAPI document, and drift is reported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  hasOperation,
  listOperations,
  validateRequestBody,
  validateResponseBody,
} from '../../src/sandbox/openapi-validator';
import { startSimulator } from '../../src/sandbox/simulator';
import { call, DEMO } from '../support/test-http';
import { assertNoSchemaViolations } from '../support/test-simulator';

const sim = await startSimulator();
afterAll(() => sim.close());
const manager = sim.credential('alice-manager');

const validBody = {
  name: 'contract',
  policies: [
    {
      effect: 'allow',
      permission_groups: [{ id: DEMO.group.zoneRead }],
      resources: { 'com.cloudflare.api.account.zone.*': '*' },
    },
  ],
};

describe('response drift', () => {
  it('records a violation when a response no longer matches its 200 schema', async () => {
    sim.debug.clearSchemaViolations();
    sim.debug.corruptNextResponse((body) => {
      const envelope = body as { result: Array<Record<string, unknown>> };
      return {
        ...envelope,
        result: envelope.result.map((token) => ({ ...token, status: 'paused', policies: 'all' })),
      };
    });
    const reply = await call(sim, '/user/tokens', { as: manager });
    expect(reply.status).toBe(200);
    const violations = sim.schemaViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      direction: 'response',
      operation: 'GET /user/tokens',
      path: '/client/v4/user/tokens',
      status: 200,
    });
    expect(violations[0]?.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/result/0/status must be equal to one of the allowed values'),
        expect.stringContaining('/result/0/policies must be array'),
      ]),
    );
  });

  it('checks error responses against the 4XX failure schema', async () => {
    sim.debug.clearSchemaViolations();
    sim.debug.corruptNextResponse((body) => ({
      ...(body as object),
      errors: [{ code: 'ten', message: 'x' }],
    }));
    await call(sim, '/user/tokens', { as: `cfut_${'N'.repeat(40)}` });
    expect(sim.schemaViolations()).toEqual([
      expect.objectContaining({
        direction: 'response',
        status: 403,
        errors: [expect.stringContaining('/errors/0/code must be integer')],
      }),
    ]);
  });

  it('records nothing for correct traffic', async () => {
    sim.debug.clearSchemaViolations();
    await call(sim, '/user/tokens', { as: manager });
    await call(sim, '/zones', { as: manager });
    await call(sim, `/user/tokens/${manager.tokenId ?? ''}`, { as: manager });
    await call(sim, '/user/tokens', { method: 'POST', as: manager, body: validBody });
    expect(sim.schemaViolations()).toEqual([]);
  });

  it('fails a test through assertNoSchemaViolations (what startTestSimulator runs after each test)', () => {
    expect(() => assertNoSchemaViolations([])).not.toThrow();
    expect(() =>
      assertNoSchemaViolations([
        {
          direction: 'response',
          operation: 'GET /zones',
          method: 'GET',
          path: '/client/v4/zones',
          status: 200,
          errors: ['/result must be array'],
          time: '',
        },
      ]),
    ).toThrow(/1 OpenAPI violation.*\n.*GET \/zones[\s\S]*\/result must be array/u);
  });
});

describe('validate: false', () => {
  it('turns the contract checks off (for benchmarks)', async () => {
    const unchecked = await startSimulator({ validate: false });
    unchecked.debug.corruptNextResponse(() => ({ broken: true }));
    await fetch(`${unchecked.baseUrl}/user/tokens`, {
      headers: { authorization: `Bearer ${manager.secret}` },
    });
    expect(unchecked.schemaViolations()).toEqual([]);
    await unchecked.close();
  });
});

describe('request drift', () => {
  it('records a request body that violates the requestBody schema', async () => {
    sim.debug.clearSchemaViolations();
    await call(sim, '/user/tokens', {
      method: 'POST',
      as: manager,
      body: {
        name: 42,
        policies: [{ effect: 'allow', permission_groups: [{ name: 'Zone Read' }], resources: { a: 1 } }],
      },
    });
    const [violation, ...rest] = sim.schemaViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ direction: 'request', operation: 'POST /user/tokens', status: null });
    expect(violation?.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/name must be string'),
        expect.stringContaining("/policies/0/permission_groups/0 must have required property 'id'"),
      ]),
    );
  });

  it('does not require read-only fields (policy id) in requests, as OpenAPI says', () => {
    expect(validateRequestBody('POST', '/user/tokens', validBody)).toEqual({ valid: true, errors: [] });
    expect(
      validateResponseBody('GET', '/user/tokens/{token_id}', 200, {
        success: true,
        errors: [],
        messages: [],
        result: { policies: validBody.policies },
      })?.valid,
    ).toBe(false);
  });
});

describe('exported validator', () => {
  it('knows the 15 paths and 28 operations of the document', () => {
    expect(listOperations()).toHaveLength(28);
    expect(new Set(listOperations().map((op) => op.split(' ')[1])).size).toBe(15);
    expect(hasOperation('PUT', '/client/v4/accounts/{account_id}/tokens/{token_id}/value')).toBe(true);
    expect(hasOperation('GET', '/memberships')).toBe(false);
  });

  it('validates bodies for update and roll, with or without the /client/v4 prefix', () => {
    expect(
      validateRequestBody('PUT', '/client/v4/user/tokens/{token_id}', { ...validBody, status: 'disabled' })
        .valid,
    ).toBe(true);
    expect(validateRequestBody('PUT', '/user/tokens/{token_id}', { ...validBody, status: 'off' }).valid).toBe(
      false,
    );
    expect(validateRequestBody('PUT', '/accounts/{account_id}/tokens/{token_id}/value', {}).valid).toBe(true);
    expect(validateRequestBody('PUT', '/accounts/{account_id}/tokens/{token_id}/value', []).valid).toBe(
      false,
    );
    // The SDK rolls with an empty body, which Cloudflare accepts.
    expect(validateRequestBody('PUT', '/user/tokens/{token_id}/value', undefined).valid).toBe(true);
    expect(validateRequestBody('POST', '/user/tokens', undefined)).toEqual({
      valid: false,
      errors: ['(root) request body is required'],
    });
    expect(() => validateRequestBody('POST', '/nowhere', {})).toThrow(/No operation POST \/nowhere/u);
  });

  it('checks both resource forms and date-time formats', () => {
    const withResources = (resources: unknown): unknown => ({
      name: 'x',
      policies: [{ effect: 'allow', permission_groups: [{ id: 'x' }], resources }],
    });
    expect(
      validateRequestBody('POST', '/user/tokens', withResources({ 'com.cloudflare.api.account.zone.*': '*' }))
        .valid,
    ).toBe(true);
    expect(
      validateRequestBody(
        'POST',
        '/user/tokens',
        withResources({
          [`com.cloudflare.api.account.${DEMO.acme}`]: { 'com.cloudflare.api.account.zone.*': '*' },
        }),
      ).valid,
    ).toBe(true);
    expect(validateRequestBody('POST', '/user/tokens', withResources({ a: '*', b: { c: '*' } })).valid).toBe(
      false,
    );
    expect(
      validateRequestBody('POST', '/user/tokens', { ...validBody, expires_on: '2030-01-01' }).valid,
    ).toBe(false);
    expect(
      validateRequestBody('POST', '/user/tokens', { ...validBody, expires_on: '2030-01-01T00:00:00Z' }).valid,
    ).toBe(true);
  });
});
