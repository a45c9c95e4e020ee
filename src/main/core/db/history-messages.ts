/**
 * The messages of history lines (`history.*`), and the lines written before messages were data.
 *
 * History lines written before messages were data: Keyflare stored each one as its English
 * sentence. They are read back into the message of the same line, so an older history speaks the
 * user's language too; a sentence no pattern knows keeps its English words (`history.legacy`).
 *
 * The patterns are the sentences Keyflare itself wrote (history/history-diff.ts, keyflare-entries.ts,
 * the rotation's lines and the removed kept secret), never text from elsewhere.
 */
import type { HistoryKind } from '../../../shared/domain';
import { msg, type Message } from '../../../shared/i18n/message';

/** The fields of a `modified` entry, in the order its sentence names them. */
export interface FieldChanges {
  name: { from: string; to: string } | null;
  expiry: boolean;
  start: boolean;
  ip: boolean;
}

/**
 * The message of the fields that changed, or null when none did: one sentence naming each in
 * turn ("name "a" -> "b"; expiry changed"), each after the first marked `more` so the catalogue
 * puts the separator before it.
 */
export function modifiedMessage(changes: FieldChanges): Message | null {
  let seen = changes.name !== null;
  const mark = (changed: boolean): string => {
    if (!changed) return 'no';
    const place = seen ? 'more' : 'first';
    seen = true;
    return place;
  };
  const expiry = mark(changes.expiry);
  const start = mark(changes.start);
  const ip = mark(changes.ip);
  if (!seen) return null;
  return msg('history.modified', {
    name: changes.name ? 'yes' : 'no',
    from: changes.name?.from ?? '',
    to: changes.name?.to ?? '',
    expiry,
    start,
    ip,
  });
}

const ROTATION: readonly [RegExp, 'started' | 'replacing' | 'finishedOld' | 'finishedNew'][] = [
  [/^rotation started: “(?<newName>.*)” \((?<newId>[^)]*)\) will replace this token/u, 'started'],
  [/^created to replace “(?<oldName>.*)” \((?<oldId>[^)]*)\) \(rotation with overlap\)$/u, 'replacing'],
  [
    /^rotation finished: (?<retired>disabled|deleted); “(?<newName>.*)” \((?<newId>[^)]*)\) replaced/u,
    'finishedOld',
  ],
  [
    /^rotation finished: this token replaced “(?<oldName>.*)” \((?<oldId>[^)]*)\), now (?<retired>disabled|deleted)$/u,
    'finishedNew',
  ],
];

function modified(summary: string): Message | null {
  const changes: FieldChanges = { name: null, expiry: false, start: false, ip: false };
  for (const part of summary.split('; ')) {
    const name = /^name "(?<from>.*)" -> "(?<to>.*)"$/u.exec(part)?.groups;
    if (name) changes.name = { from: name['from'] ?? '', to: name['to'] ?? '' };
    else if (part === 'expiry changed') changes.expiry = true;
    else if (part === 'start date changed') changes.start = true;
    else if (part === 'IP filter changed') changes.ip = true;
    else return null;
  }
  return modifiedMessage(changes);
}

function rotation(summary: string): Message | null {
  for (const [pattern, stage] of ROTATION) {
    const found = pattern.exec(summary)?.groups;
    if (!found) continue;
    return msg(`history.rotation.${stage}`, {
      oldName: found['oldName'] ?? '',
      oldId: found['oldId'] ?? '',
      newName: found['newName'] ?? '',
      newId: found['newId'] ?? '',
      retired: found['retired'] === 'deleted' ? 'delete' : 'disable',
    });
  }
  return null;
}

/** The message of a line stored as its English sentence. */
export function legacyHistoryMessage(kind: HistoryKind, tokenName: string, summary: string): Message {
  const status = /^status (?<from>\S+) -> (?<to>\S+)$/u.exec(summary)?.groups;
  const known =
    kind === 'created' && summary.startsWith('created "')
      ? msg('history.created', { name: tokenName })
      : kind === 'deleted' && summary.startsWith('deleted "')
        ? msg('history.deleted', { name: tokenName })
        : kind === 'status_changed' && status
          ? msg('history.statusChanged', { from: status['from'] ?? '', to: status['to'] ?? '' })
          : kind === 'policies_changed' && summary === 'permissions or resources changed'
            ? msg('history.policiesChanged')
            : kind === 'rolled' && summary.startsWith('secret rolled')
              ? msg('history.rolled')
              : kind === 'secret_removed' && summary.startsWith('Its kept secret was removed')
                ? msg('history.secretRemoved')
                : kind === 'modified'
                  ? modified(summary)
                  : kind === 'rotation'
                    ? rotation(summary)
                    : null;
  return known ?? msg('history.legacy', { text: summary });
}
