/**
 * `keyflare completion bash|zsh|fish`: a completion script built from the program's own command
 * tree, so a new command or option completes without editing this file.
 */
import type { Command } from 'commander';
import type { Translate } from '../../shared/i18n';
import type { CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { buildProgram, words } from '../program';

interface Entry {
  /** "profiles" or "profiles add". */
  path: string;
  description: string;
  options: { flag: string; description: string }[];
  subcommands: string[];
}

/** Every visible command under `command`, its descriptions in the run's language (zsh and fish show them). */
function entries(command: Command, t: Translate, prefix = ''): Entry[] {
  const list: Entry[] = [];
  for (const sub of command.commands) {
    const hidden = (sub as unknown as { _hidden?: boolean })._hidden === true;
    if (hidden) continue;
    const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
    list.push({
      path,
      description: words(t, sub.description()),
      options: sub.options.map((option) => ({
        flag: option.long ?? option.short ?? '',
        description: words(t, option.description),
      })),
      subcommands: sub.commands.map((child) => child.name()),
    });
    list.push(...entries(sub, t, path));
  }
  return list;
}

const quote = (text: string): string => `'${text.replace(/'/gu, `'\\''`)}'`;

function bash(program: Command, list: Entry[]): string {
  const top = [
    ...list.filter((e) => !e.path.includes(' ')).map((e) => e.path),
    ...program.options.map((o) => o.long ?? ''),
  ];
  const cases = list
    .map(
      (e) =>
        `    ${quote(e.path)}) words=${quote([...e.subcommands, ...e.options.map((o) => o.flag), '--help'].join(' '))} ;;`,
    )
    .join('\n');
  return `# bash completion for keyflare (keyflare completion bash)
_keyflare() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) path="\${path:+$path }\${COMP_WORDS[i]}" ;; esac
  done
  case "$path" in
    '') words=${quote(top.join(' '))} ;;
${cases}
    *) words="" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -o default -F _keyflare keyflare
`;
}

function zsh(list: Entry[]): string {
  const top = list.filter((e) => !e.path.includes(' '));
  const describe = (items: Entry[]) =>
    items
      .map((e) => quote(`${e.path.split(' ').pop() ?? ''}:${e.description.replace(/:/gu, '\\:')}`))
      .join(' ');
  const cases = list
    .map((e) => {
      const subs = list.filter(
        (s) => s.path.startsWith(`${e.path} `) && s.path.split(' ').length === e.path.split(' ').length + 1,
      );
      const opts = e.options
        .map((o) => quote(`${o.flag}[${o.description.replace(/[[\]:]/gu, '')}]`))
        .join(' ');
      const body = subs.length > 0 ? `local -a subs; subs=(${describe(subs)}); _describe command subs; ` : '';
      return `    ${quote(e.path)}) ${body}_arguments ${opts} '*:file:_files' ;;`;
    })
    .join('\n');
  return `#compdef keyflare
# zsh completion for keyflare (keyflare completion zsh)
_keyflare() {
  local -a words_path; local w
  for w in \${words[2,CURRENT-1]}; do [[ $w == -* ]] || words_path+=$w; done
  case "\${(j: :)words_path}" in
    '') local -a cmds; cmds=(${describe(top)}); _describe command cmds ;;
${cases}
  esac
}
compdef _keyflare keyflare
`;
}

function fish(list: Entry[]): string {
  const lines = ['# fish completion for keyflare (keyflare completion fish)', 'complete -c keyflare -f'];
  for (const e of list) {
    const parts = e.path.split(' ');
    const name = parts.pop() ?? '';
    const condition =
      parts.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${parts.join(' ')}; and not __fish_seen_subcommand_from ${name}`;
    lines.push(`complete -c keyflare -n ${quote(condition)} -a ${quote(name)} -d ${quote(e.description)}`);
    for (const option of e.options) {
      if (!option.flag.startsWith('--')) continue;
      lines.push(
        `complete -c keyflare -n ${quote(`__fish_seen_subcommand_from ${name}`)} -l ${option.flag.slice(2)} -d ${quote(option.description)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: 'bash' | 'zsh' | 'fish', t: Translate): string {
  const program = buildProgram(
    () => undefined,
    () => {
      throw new Error('not run');
    },
  );
  const list = entries(program, t);
  if (shell === 'bash') return bash(program, list);
  if (shell === 'zsh') return zsh(list);
  return fish(list);
}

export function completion(ctx: CommandContext, shell: 'bash' | 'zsh' | 'fish'): Promise<number> {
  ctx.out.raw(completionScript(shell, ctx.lang.t));
  return Promise.resolve(EXIT.ok);
}
