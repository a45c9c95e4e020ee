/**
 * Permission group catalogue: the 99 real groups plus a scenario's extra ones.
 *
 * The sample is vendored from ../shared/cloudflare/permission-groups.sample.json (beside the repository) (see
 * data/README.md) so the simulator runs in CI without the shared folder. Names repeat across
 * scopes (Logs Read exists for accounts and for zones), so groups are keyed by id and looked
 * up by name only together with a scope.
 */
import { z } from 'zod';
// Imported as a module, so the app's bundle carries it (there are no files beside a packaged build).
import sampleJson from './data/permission-groups.sample.json';
import { PermissionScope } from './scenario-schema';

export const SCOPE = {
  user: 'com.cloudflare.api.user',
  account: 'com.cloudflare.api.account',
  zone: 'com.cloudflare.api.account.zone',
  r2Bucket: 'com.cloudflare.edge.r2.bucket',
} as const satisfies Record<string, PermissionScope>;

export interface PermissionGroup {
  id: string;
  name: string;
  scopes: PermissionScope[];
  /** Set for groups a scenario added because the sample lacks them. */
  extraNote?: string;
}

const SampleFile = z.array(
  z.strictObject({
    id: z.string().regex(/^[0-9a-f]{32}$/u),
    name: z.string(),
    scopes: z.array(PermissionScope).min(1),
  }),
);

let sampleCache: PermissionGroup[] | undefined;

/** The real permission groups from the vendored sample, in file order (sorted by name). */
export function samplePermissionGroups(): PermissionGroup[] {
  if (sampleCache === undefined) {
    sampleCache = SampleFile.parse(sampleJson);
  }
  return sampleCache.map((group) => ({ ...group, scopes: [...group.scopes] }));
}

/** Id-keyed catalogue with name lookups that respect scope. */
export class PermissionCatalog {
  private readonly byId = new Map<string, PermissionGroup>();

  constructor(groups: readonly PermissionGroup[]) {
    for (const group of groups) {
      if (this.byId.has(group.id)) throw new Error(`Duplicate permission group id ${group.id}`);
      this.byId.set(group.id, group);
    }
  }

  get(id: string): PermissionGroup | undefined {
    return this.byId.get(id);
  }

  all(): PermissionGroup[] {
    return [...this.byId.values()];
  }

  /** Groups with this exact name, optionally narrowed to one scope. */
  findByName(name: string, scope?: PermissionScope): PermissionGroup[] {
    return this.all().filter(
      (group) => group.name === name && (scope === undefined || group.scopes.includes(scope)),
    );
  }

  /** The one group with this name (and scope); throws with the candidates when ambiguous. */
  requireByName(name: string, scope?: PermissionScope): PermissionGroup {
    const found = this.findByName(name, scope);
    const only = found[0];
    if (found.length === 1 && only !== undefined) return only;
    if (found.length === 0) {
      throw new Error(`No permission group named "${name}"${scope ? ` in scope ${scope}` : ''}`);
    }
    const scopes = found.map((group) => group.scopes.join('+')).join(', ');
    throw new Error(`Permission group name "${name}" is ambiguous (scopes: ${scopes}); add "scope"`);
  }
}
