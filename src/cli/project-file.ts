/**
 * `.keyflare.json`: which token a project's commands run with, safe to commit.
 *
 * It names the token by ids — `{"profileId": "<uuid>", "tokenId": "<id>"}` — which survive a
 * rename and a roll (a roll keeps the token's id and changes only its secret). `profile` and
 * `token` hold the names for people reading the file; they are not used to find the token. A
 * secret never goes in it: a file holding a cfut_/cfat_/cfk_ secret is refused, so a pasted one
 * is caught before it is committed. `keyflare exec` without a token looks for the nearest file
 * from the current folder up to the root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { msg } from '../shared/i18n/message';
import { CliError, EXIT } from './exit-codes';

export const PROJECT_FILE_NAME = '.keyflare.json';

/** zod's issue codes as the catalogue's words for what is wrong with a field. */
const PROBLEMS: Readonly<Record<string, string>> = {
  invalid_type: 'type',
  invalid_format: 'shape',
  invalid_string: 'shape',
  too_big: 'long',
  unrecognized_keys: 'unknown',
};

const ProjectFile = z
  .object({
    profileId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u),
    tokenId: z.string().regex(/^[A-Za-z0-9]{1,32}$/u),
    profile: z.string().max(200).optional(),
    token: z.string().max(200).optional(),
  })
  .strict();
export type ProjectFile = z.infer<typeof ProjectFile>;

/**
 * A Cloudflare secret with its prefix, wherever it sits in the file's text. Older secrets have no
 * prefix and look like any long name, so they are not guessed at: the ids are checked by shape,
 * and the names are never read.
 */
const SECRET_SHAPE = /\bcf(?:ut|at|k)_[A-Za-z0-9_-]{10,}/u;

/** The nearest `.keyflare.json` from `start` upwards, or null. */
export function findProjectFile(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, PROJECT_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function readProjectFile(file: string): ProjectFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(EXIT.notFound, msg('cli.projectFile.unreadable', { file }));
  }
  if (SECRET_SHAPE.test(text)) {
    throw new CliError(EXIT.usage, msg('cli.projectFile.holdsSecret', { file }), [
      msg('cli.projectFile.holdsSecretNext', { command: 'keyflare link <token>' }),
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(EXIT.usage, msg('cli.projectFile.notJson', { file }));
  }
  const checked = ProjectFile.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const problem = PROBLEMS[issue?.code ?? ''] ?? 'other';
    throw new CliError(
      EXIT.usage,
      // A problem at the top level ('none') means the file is no object, unless it is extra fields.
      msg('cli.projectFile.notReference', {
        file,
        field: field !== '' ? field : problem === 'unknown' ? 'fields' : 'none',
        problem,
      }),
      [
        msg('cli.projectFile.notReferenceNext', {
          shape: '{"profileId": "<profile id>", "tokenId": "<token id>"}',
          command: 'keyflare link <token>',
        }),
      ],
    );
  }
  return checked.data;
}

export function writeProjectFile(dir: string, reference: ProjectFile): string {
  const file = path.join(dir, PROJECT_FILE_NAME);
  fs.writeFileSync(file, `${JSON.stringify(reference, null, 2)}\n`);
  return file;
}
