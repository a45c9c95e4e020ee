/**
 * Terraform export: the HCL parses with HashiCorp's own parser (@cdktf/hcl2json, the Go HCL
 * library compiled to WebAssembly) and matches the provider v5 schema in
 * ../shared/cloudflare/terraform-v5.md: attribute names and kinds, `permission_groups = [{ id }]`,
 * `resources` as a jsonencode'd object equal to the token's resources, condition, dates, the
 * import id of each resource type. No secret field is ever written.
 */
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { CfResources } from '../../../src/shared/cloudflare-types';
import { tokenApiBody } from '../../../src/shared/export/api-body';
import {
  hclString,
  resourceName,
  terraformForTokens,
  type TerraformToken,
} from '../../../src/shared/export/terraform';
import type { TokenOwner } from '../../../src/shared/domain';
import { ACME, EXAMPLE_COM, X_COM, buildContext, groupId, nameLookup } from '../support/world';
import { r2Token, richToken } from '../support/sample-tokens';

/** The provider v5 schema of both token resources, as documented (terraform-v5.md). */
const SCHEMA = {
  cloudflare_api_token: {
    required: ['name', 'policies'],
    optional: ['condition', 'expires_on', 'not_before', 'status'],
  },
  cloudflare_account_token: {
    required: ['account_id', 'name', 'policies'],
    optional: ['condition', 'expires_on', 'not_before', 'status'],
  },
} as const;
const READ_ONLY = ['id', 'issued_on', 'last_used_on', 'modified_on', 'value'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;

type Json = Record<string, unknown>;

/** Evaluates `jsonencode({...})` the way Terraform would for the literal objects we write. */
async function jsonencodeArgument(expression: unknown): Promise<CfResources> {
  expect(typeof expression).toBe('string');
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/u.exec(expression as string);
  expect(match, `resources must be jsonencode({...}), got ${String(expression)}`).not.toBeNull();
  const parsed = (await parse('inner.tf', `value = ${match?.[1] ?? ''}\n`)) as { value: CfResources };
  return parsed.value;
}

function item(token = richToken(), owner: TokenOwner = { kind: 'user' }): TerraformToken {
  return { token, owner, body: tokenApiBody(token, buildContext(owner)), names: nameLookup() };
}

async function checkAgainstSchema(text: string): Promise<Json> {
  const parsed = (await parse('main.tf', text)) as { resource: Record<string, Record<string, Json[]>> };
  for (const [type, resources] of Object.entries(parsed.resource)) {
    expect(Object.keys(SCHEMA)).toContain(type);
    const schema = SCHEMA[type as keyof typeof SCHEMA];
    for (const [label, [block]] of Object.entries<Json[]>(resources)) {
      expect(label).toMatch(/^[a-z_][a-z0-9_]*$/u);
      const keys = Object.keys(block ?? {});
      for (const key of schema.required) expect(keys, `${type}.${label}`).toContain(key);
      for (const key of keys) expect([...schema.required, ...schema.optional]).toContain(key);
      for (const key of READ_ONLY) expect(keys).not.toContain(key);
      const policies = block?.['policies'] as Json[];
      expect(Array.isArray(policies)).toBe(true);
      for (const policy of policies) {
        expect(Object.keys(policy).sort()).toEqual(['effect', 'permission_groups', 'resources']);
        expect(['allow', 'deny']).toContain(policy['effect']);
        for (const group of policy['permission_groups'] as Json[]) {
          expect(Object.keys(group)).toEqual(['id']);
          expect(group['id']).toMatch(/^[0-9a-f]{32}$/u);
        }
        await jsonencodeArgument(policy['resources']);
      }
      for (const date of ['not_before', 'expires_on'])
        if (block?.[date]) expect(block[date]).toMatch(RFC3339);
      if (block?.['status']) expect(['active', 'disabled', 'expired']).toContain(block['status']);
      const condition = block?.['condition'] as { request_ip?: Json } | undefined;
      if (condition) {
        expect(Object.keys(condition)).toEqual(['request_ip']);
        for (const key of Object.keys(condition.request_ip ?? {})) expect(['in', 'not_in']).toContain(key);
      }
    }
  }
  return parsed;
}

describe('Terraform export', () => {
  it('writes a user token HCL parses, with the policies, condition and dates of the API body', async () => {
    const exported = item();
    const { text, resources } = terraformForTokens([exported]);
    const parsed = (await checkAgainstSchema(text)) as {
      resource: { cloudflare_api_token: Record<string, Json[]> };
    };
    const [label] = Object.keys(parsed.resource.cloudflare_api_token);
    const block = parsed.resource.cloudflare_api_token[label ?? '']?.[0] ?? {};
    // The name keeps its quotes and a literal ${…} (escaped as $${…}, which Terraform reads back as ${…}).
    expect(text).toContain(hclString('CI deploy "prod" ${env}'));
    expect(text).toContain('"CI deploy \\"prod\\" $${env}"');
    const policies = block['policies'] as Json[];
    expect(policies).toHaveLength(exported.body.policies.length);
    for (const [index, policy] of policies.entries()) {
      const expected = exported.body.policies[index];
      expect(policy['effect']).toBe(expected?.effect);
      expect(policy['permission_groups']).toEqual(expected?.permission_groups);
      expect(await jsonencodeArgument(policy['resources'])).toEqual(expected?.resources);
    }
    expect(block['condition']).toEqual({
      request_ip: { in: ['203.0.113.0/24', '2001:db8::/32'], not_in: ['203.0.113.7/32'] },
    });
    expect(block['not_before']).toBe('2026-07-01T00:00:00Z');
    expect(block['expires_on']).toBe('2027-01-31T00:00:00Z');
    expect(resources).toEqual([
      {
        address: `cloudflare_api_token.${label}`,
        tokenId: exported.token.id,
        importCommand: `terraform import cloudflare_api_token.${label} '${exported.token.id}'`,
      },
    ]);
    expect(text).toContain(`#   terraform import cloudflare_api_token.${label} '${exported.token.id}'`);
  });

  it('names each permission group with its scope and each resource in a comment', () => {
    const { text } = terraformForTokens([item()]);
    expect(text).toContain(`{ id = "${groupId('DNS Write', 'zone')}" }, # DNS Write (zone scope)`);
    expect(text).toContain(`{ id = "${groupId('Logs Read', 'account')}" }, # Logs Read (account scope)`);
    expect(text).toContain(`"com.cloudflare.api.account.zone.${X_COM}" = "*" # zone x.com`);
    expect(text).toContain(`"com.cloudflare.api.account.zone.${EXAMPLE_COM}" = "*" # zone example.com`);
    expect(text).toContain(`"com.cloudflare.api.account.${ACME}" = { # account Acme`);
    expect(text).toContain('"com.cloudflare.api.account.zone.*" = "*" # all zones in account Acme');
    expect(text).not.toMatch(/value\s*=/u);
  });

  it('writes an account-owned token with account_id and the account/token import id', async () => {
    const owner: TokenOwner = { kind: 'account', accountId: ACME };
    const token = { ...richToken(), name: 'Acme bot', condition: null, not_before: null, expires_on: null };
    const { text, resources } = terraformForTokens([item(token, owner)]);
    const parsed = (await checkAgainstSchema(text)) as {
      resource: { cloudflare_account_token: Record<string, Json[]> };
    };
    expect(parsed.resource.cloudflare_account_token['acme_bot']?.[0]?.['account_id']).toBe(ACME);
    expect(resources[0]?.importCommand).toBe(
      `terraform import cloudflare_account_token.acme_bot '${ACME}/${token.id}'`,
    );
  });

  it('exports a selection with distinct resource names, a disabled status and R2 resources kept', async () => {
    const { text, resources } = terraformForTokens([item(r2Token()), item(r2Token()), item()]);
    await checkAgainstSchema(text);
    expect(resources.map((resource) => resource.address)).toEqual([
      'cloudflare_api_token.r2_bucket_writer',
      'cloudflare_api_token.r2_bucket_writer_2',
      'cloudflare_api_token.ci_deploy_prod_env',
    ]);
    expect(text).toContain('status = "disabled"');
    expect(text).toContain(
      `"com.cloudflare.edge.r2.bucket.${ACME}_default_photos" = "*" # R2 bucket photos in account Acme`,
    );
  });

  it('makes resource names Terraform accepts from any token name', () => {
    const taken = new Set<string>();
    expect(resourceName('2024 backup', taken)).toBe('token_2024_backup');
    expect(resourceName('—', taken)).toBe('token');
    expect(resourceName('Ünïcode DNS', taken)).toBe('unicode_dns');
    expect(resourceName('Ünïcode DNS', taken)).toBe('unicode_dns_2');
  });
});
