/**
 * Writing one token's rows: the token (with its decoded words) and its policies, permission
 * groups and resources, normalised to flat rows. Used inside the caller's transaction by the
 * snapshot swap and by single-token writes.
 */
import type { Statement } from 'better-sqlite3';
import type { NameLookup } from '../../../shared/policy/decode';
import { flattenResources } from '../../../shared/policy/resource-keys';
import type { WireToken } from '../cloudflare/wire';
import { decodeToken, listFactsOf } from './decoded-columns';
import type { Db } from './sqlite-file';
import type { StoredToken } from './stored-token';

/** The decoded and list_facts columns of a token. */
function decodedColumns(token: WireToken, lookup: NameLookup): [string, string] {
  const decoded = decodeToken(token, lookup);
  return [JSON.stringify(decoded), JSON.stringify(listFactsOf(decoded))];
}

export interface TokenRowWriter {
  insert(
    profileId: string,
    stored: StoredToken,
    position: number,
    secretKept: boolean,
    lookup: NameLookup,
  ): void;
  remove(profileId: string, tokenId: string): void;
  redecode(profileId: string, tokenId: string, token: WireToken, lookup: NameLookup): void;
  move(profileId: string, tokenId: string, position: number): void;
}

/**
 * Writes and removes tokens with their policy rows. Each statement is prepared on its first use
 * and kept for the writer's life: a steady-state sync makes a writer and often writes nothing.
 */
export function tokenRowWriter(db: Db): TokenRowWriter {
  const lazy = (sql: string): (() => Statement) => {
    let statement: Statement | null = null;
    return () => (statement ??= db.prepare(sql));
  };
  const token = lazy(
    `INSERT INTO tokens (profile_id, id, kind, account_id, name, status, issued_on, modified_on, last_used_on, not_before, expires_on, condition, raw, decoded, list_facts, secret_kept, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // One multi-row INSERT per token and table: crossing into SQLite once per row dominates a
  // full write of thousands of tokens, so rows are bound in batches (statements cached by size).
  const batched = (table: string, columns: number): ((values: unknown[]) => void) => {
    const statements = new Map<number, Statement>();
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    return (values) => {
      const rows = values.length / columns;
      if (rows === 0) return;
      let statement = statements.get(rows);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO ${table} VALUES ${Array.from({ length: rows }, () => row).join(', ')}`,
        );
        statements.set(rows, statement);
      }
      statement.run(values);
    };
  };
  const policies = batched('policies', 5);
  const groups = batched('policy_permission_groups', 7);
  const resources = batched('policy_resources', 7);
  const removals = ['policy_resources', 'policy_permission_groups', 'policies'].map((table) =>
    lazy(`DELETE FROM ${table} WHERE profile_id = ? AND token_id = ?`),
  );
  const removeToken = lazy('DELETE FROM tokens WHERE profile_id = ? AND id = ?');
  const setDecoded = lazy('UPDATE tokens SET decoded = ?, list_facts = ? WHERE profile_id = ? AND id = ?');
  const setPosition = lazy('UPDATE tokens SET position = ? WHERE profile_id = ? AND id = ?');
  return {
    insert(profileId, stored, position, secretKept, lookup) {
      const t = stored.token;
      token().run(
        profileId,
        t.id,
        stored.kind,
        stored.accountId,
        t.name,
        t.status,
        t.issued_on ?? null,
        t.modified_on ?? null,
        t.last_used_on ?? null,
        t.not_before ?? null,
        t.expires_on ?? null,
        t.condition ? JSON.stringify(t.condition) : null,
        stored.raw,
        ...decodedColumns(t, lookup),
        secretKept ? 1 : 0,
        position,
      );
      const policyRows: unknown[] = [];
      const groupRows: unknown[] = [];
      const resourceRows: unknown[] = [];
      t.policies.forEach((p, pIndex) => {
        policyRows.push(profileId, t.id, pIndex, p.id ?? null, p.effect);
        p.permission_groups.forEach((g, gIndex) => {
          groupRows.push(
            profileId,
            t.id,
            pIndex,
            gIndex,
            g.id,
            g.name ?? null,
            g.meta ? JSON.stringify(g.meta) : null,
          );
        });
        flattenResources(p.resources).forEach((r, rIndex) => {
          resourceRows.push(profileId, t.id, pIndex, rIndex, r.key, r.value, r.parentKey);
        });
      });
      policies(policyRows);
      groups(groupRows);
      resources(resourceRows);
    },
    remove(profileId, tokenId) {
      for (const statement of removals) statement().run(profileId, tokenId);
      removeToken().run(profileId, tokenId);
    },
    redecode(profileId, tokenId, t, lookup) {
      setDecoded().run(...decodedColumns(t, lookup), profileId, tokenId);
    },
    move(profileId, tokenId, position) {
      setPosition().run(position, profileId, tokenId);
    },
  };
}
