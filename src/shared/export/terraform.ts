/**
 * Terraform for the Cloudflare provider v5: one `cloudflare_api_token` (user token) or
 * `cloudflare_account_token` (account-owned) resource per token, with the command that adopts the
 * existing token into state instead of creating a second one.
 *
 * Follows the provider's v5 schema (../shared/cloudflare/terraform-v5.md): `policies` is a list
 * of objects, `permission_groups = [{ id = "…" }]` with literal ids (a lookup by name is ambiguous:
 * "Logs Read" exists for accounts and for zones), each id followed by a comment naming the group
 * and its scope, `resources = jsonencode({ … })` with a comment naming each account or zone,
 * `condition.request_ip`, `not_before` / `expires_on` in RFC 3339. The policies are the exported
 * API body's (api-body.ts), so the Terraform and the JSON say the same thing. The secret
 * (`value`) is never written; the provider reads it into state on import.
 */
import type { CfResourceValue, CfToken, CfTokenBody } from '../cloudflare-types';
import type { TokenOwner } from '../domain';
import type { NameLookup } from '../policy/decode';
import { resourceLabel } from '../policy/labels';
import { classifyResource } from '../policy/resource-keys';
import { scopeKind } from '../policy/scopes';

export interface TerraformToken {
  /** The token as Cloudflare sent it (its id, status and name). */
  token: CfToken;
  owner: TokenOwner;
  /** The exported create body (api-body.ts). */
  body: CfTokenBody;
  /** Names of its profile's permission groups, accounts and zones, for the comments. */
  names: NameLookup;
}

export interface TerraformResource {
  /** e.g. cloudflare_api_token.dns_edit_acme */
  address: string;
  tokenId: string;
  /** The shell command that adopts the existing token into state. */
  importCommand: string;
}

export interface TerraformExport {
  text: string;
  resources: TerraformResource[];
}

/** An HCL string literal: quotes and backslashes escaped, and `${` / `%{` kept literal. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/gu, '\\\\')
    .replace(/"/gu, '\\"')
    .replace(/\n/gu, '\\n')
    .replace(/\r/gu, '\\r')
    .replace(/\t/gu, '\\t')
    // A function replacement: in a replacement string "$$" would itself mean one "$".
    .replace(/\$\{/gu, () => '$${')
    .replace(/%\{/gu, () => '%%{');
  return `"${escaped}"`;
}

/** A comment that stays one line whatever the name it quotes. */
function comment(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ');
}

/** A Terraform resource name from a token name: lowercase letters, digits and underscores. */
export function resourceName(tokenName: string, taken: Set<string>): string {
  let base = tokenName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, 48);
  if (base === '' || /^[0-9]/u.test(base)) base = `token_${base}`.replace(/_+$/u, '');
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

const SCOPE_WORDS: Record<string, string> = {
  zone: 'zone',
  account: 'account',
  user: 'user',
  r2_bucket: 'R2 bucket',
};

function groupComment(id: string, names: NameLookup): string {
  const group = names.permissionGroup(id);
  if (!group) return `permission group ${id} (not in this profile's list)`;
  const kind = scopeKind(group.scope);
  return `${group.name} (${kind ? SCOPE_WORDS[kind] : group.scope} scope)`;
}

function resourceComment(key: string, parentKey: string | null, names: NameLookup): string {
  return resourceLabel(classifyResource(key, parentKey), key, parentKey, names);
}

function resourcesBlock(
  resources: Record<string, CfResourceValue>,
  names: NameLookup,
  indent: string,
): string[] {
  const lines = [`${indent}resources = jsonencode({`];
  for (const [key, value] of Object.entries(resources)) {
    if (typeof value === 'string') {
      lines.push(
        `${indent}  ${hclString(key)} = ${hclString(value)} # ${comment(resourceComment(key, null, names))}`,
      );
      continue;
    }
    lines.push(`${indent}  ${hclString(key)} = { # ${comment(resourceComment(key, null, names))}`);
    for (const [inner, innerValue] of Object.entries(value)) {
      lines.push(
        `${indent}    ${hclString(inner)} = ${hclString(innerValue)} # ${comment(resourceComment(inner, key, names))}`,
      );
    }
    lines.push(`${indent}  }`);
  }
  lines.push(`${indent}})`);
  return lines;
}

function tokenBlock(item: TerraformToken, name: string): { lines: string[]; resource: TerraformResource } {
  const { token, owner, body, names } = item;
  const type = owner.kind === 'user' ? 'cloudflare_api_token' : 'cloudflare_account_token';
  const address = `${type}.${name}`;
  const importId = owner.kind === 'user' ? token.id : `${owner.accountId}/${token.id}`;
  const importCommand = `terraform import ${address} '${importId}'`;
  const lines: string[] = [
    `# ${comment(`"${token.name}": ${owner.kind === 'user' ? 'user token' : `account-owned token of ${names.account(owner.accountId) ?? owner.accountId}`} ${token.id}`)}`,
    '# Adopt the existing token into state instead of creating a second one:',
    `#   ${importCommand}`,
    `resource "${type}" "${name}" {`,
  ];
  if (owner.kind === 'account') {
    lines.push(
      `  account_id = ${hclString(owner.accountId)} # ${comment(`account ${names.account(owner.accountId) ?? owner.accountId}`)}`,
    );
  }
  lines.push(`  name = ${hclString(body.name)}`, '  policies = [');
  for (const policy of body.policies) {
    lines.push('    {', `      effect = ${hclString(policy.effect)}`, '      permission_groups = [');
    for (const group of policy.permission_groups)
      lines.push(`        { id = ${hclString(group.id)} }, # ${comment(groupComment(group.id, names))}`);
    lines.push('      ]', ...resourcesBlock(policy.resources, names, '      '), '    },');
  }
  lines.push('  ]');
  const requestIp = body.condition?.request_ip;
  if (requestIp) {
    lines.push('  condition = {', '    request_ip = {');
    if (requestIp.in) lines.push(`      in     = [${requestIp.in.map(hclString).join(', ')}]`);
    if (requestIp.not_in) lines.push(`      not_in = [${requestIp.not_in.map(hclString).join(', ')}]`);
    lines.push('    }', '  }');
  }
  if (body.not_before) lines.push(`  not_before = ${hclString(body.not_before)}`);
  if (body.expires_on) lines.push(`  expires_on = ${hclString(body.expires_on)}`);
  // Only a disabled token needs saying: "active" is the default and "expired" follows from the date.
  if (token.status === 'disabled') lines.push('  status = "disabled"');
  lines.push('}');
  return { lines, resource: { address, tokenId: token.id, importCommand } };
}

/** Terraform for one token or a selection, with one import command per resource. */
export function terraformForTokens(items: readonly TerraformToken[]): TerraformExport {
  const taken = new Set<string>();
  const blocks: string[] = [];
  const resources: TerraformResource[] = [];
  for (const item of items) {
    const { lines, resource } = tokenBlock(item, resourceName(item.token.name, taken));
    blocks.push(lines.join('\n'));
    resources.push(resource);
  }
  const header = [
    '# Cloudflare API tokens exported by Keyflare for the Cloudflare Terraform provider v5.',
    '# Permission groups are literal ids: a name alone is ambiguous across scopes. No secret is included.',
  ].join('\n');
  return { text: `${header}\n\n${blocks.join('\n\n')}\n`, resources };
}
