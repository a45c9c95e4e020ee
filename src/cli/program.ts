/**
 * The `keyflare` program: every command, its options and its help, with commander.
 *
 * commander (the most used argument parser for Node, no dependencies) gives gh-style nested
 * commands, `--help` on each, and `--` handling for `exec`. Each command's work lives in its own
 * module under commands/, imported only when that command runs, so `tokens --json` never loads
 * the prompt, table or progress-bar libraries.
 */
import { Argument, Command, CommanderError, Option, type Help } from 'commander';
import type { MessageKey, Translate } from '../shared/i18n';
import { createContext, VERSION, type CommandContext } from './context';
import { resolveDataDir } from './data-dir';
import { cliLanguage, cliLocale, helpLocale, loadLanguage, type CliLanguage } from './locale';
import { CliError, EXIT } from './exit-codes';
import { commanderText } from './commander-words';
import { printError } from './errors';
import { colorWanted, createOutput, scrub, type Output } from './output';
import { stderr, stdout } from './stdio';
import { displayWidth } from './width';

export { drained } from './stdio';

export const TOKEN_FILTERS = [
  'expiring',
  'never-used',
  'no-expiry',
  'no-ip',
  'broad-write',
  'disabled',
  'expired',
] as const;

interface GlobalOptions {
  dataDir?: string;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  lang?: string;
}

/**
 * Help in the user's language: descriptions are catalogue keys, translated only when help is
 * printed (commander asks the Help methods below), so a run that prints no help builds no
 * translator. Command and option names, and the examples' command lines, are never translated.
 */
const key = (name: MessageKey): string => name;

/** A description as people read it: a catalogue key translated, anything else as it is. */
export function words(t: Translate, text: string | undefined): string {
  return text?.startsWith('cli.') ? t(text as MessageKey) : (text ?? '');
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.title.usage',
  'Arguments:': 'cli.help.title.arguments',
  'Options:': 'cli.help.title.options',
  'Global Options:': 'cli.help.title.globalOptions',
  'Commands:': 'cli.help.title.commands',
};

/** Commander's Help, speaking the catalogue's language and measuring CJK text as two columns. */
function helpIn(t: () => Translate): Partial<Help> {
  const extras = (choices: readonly string[] | undefined, fallback: unknown): string[] => [
    ...(choices
      ? [t()('cli.help.choices', { choices: choices.map((c) => JSON.stringify(c)).join(', ') })]
      : []),
    ...(fallback !== undefined ? [t()('cli.help.default', { value: JSON.stringify(fallback) })] : []),
  ];
  const withExtras = (text: string, extra: string[]): string =>
    extra.length === 0
      ? text
      : t()('cli.help.withExtras', { text, extras: extra.join(t()('cli.help.extrasSeparator')) });
  return {
    styleTitle: (title) => (TITLES[title] ? t()(TITLES[title]) : title),
    commandDescription: (cmd) => words(t(), cmd.description()),
    subcommandDescription: (cmd) => words(t(), cmd.summary() || cmd.description()),
    optionDescription: (option) =>
      withExtras(
        words(t(), option.description),
        extras(option.argChoices, option.required || option.optional ? option.defaultValue : undefined),
      ),
    argumentDescription: (argument) =>
      withExtras(words(t(), argument.description), extras(argument.argChoices, argument.defaultValue)),
    displayWidth,
  };
}

/** An example's command line, and optionally a comment for people after it. */
type Example = string | [command: string, comment: MessageKey];

function examplesText(t: Translate, lines: readonly Example[]): string {
  const shown = lines.map((line) => (typeof line === 'string' ? line : `${line[0]}   # ${t(line[1])}`));
  return `\n${t('cli.help.examples')}\n${shown.map((line) => `  ${line}`).join('\n')}\n`;
}

type Action = (ctx: CommandContext, ...args: never[]) => Promise<number>;

/** Builds the program; `setExit` receives each action's exit code. */
export function buildProgram(
  setExit: (code: number) => void,
  outFor: (options: GlobalOptions) => Output,
  argv: readonly string[] = [],
  helpLanguage: () => CliLanguage = () => cliLanguage('en'),
  setLanguage: (lang: CliLanguage) => void = () => undefined,
): Command {
  const t = (): Translate => helpLanguage().t;
  const program = new Command();
  // Before any subcommand exists: each copies the help settings of its parent.
  program.configureHelp(helpIn(t));
  program
    .name('keyflare')
    .description(key('cli.help.program'))
    .version(VERSION, '-V, --version', key('cli.help.version'))
    .helpOption('-h, --help', key('cli.help.help'))
    .helpCommand('help [command]', key('cli.help.help'))
    .option('--data-dir <folder>', key('cli.help.option.dataDir'))
    .option('-q, --quiet', key('cli.help.option.quiet'))
    .option('-v, --verbose', key('cli.help.option.verbose'))
    .option('--no-color', key('cli.help.option.noColor'))
    .option('--lang <language>', key('cli.help.option.lang'))
    .showHelpAfterError(key('cli.help.afterError'))
    // Commander writes its parse errors and that hint itself: both are put in the user's
    // language on the way out (English runs print commander's own text).
    .configureOutput({
      outputError: (text, write) =>
        write(helpLanguage().locale === 'en' ? text : commanderText(helpLanguage().t, text)),
      writeOut: (text) => stdout().write(text),
      writeErr: (text) =>
        stderr().write(text === `${key('cli.help.afterError')}\n` ? `${t()('cli.help.afterError')}\n` : text),
    })
    .exitOverride();
  const examples =
    (...lines: Example[]) =>
    (): string =>
      examplesText(t(), lines);

  /** Wraps a command module's function: context, then the exit code it returns. */
  const act =
    (load: () => Promise<Action>) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      const out = outFor(globals);
      const locale = cliLocale(globals.lang, process.env);
      await loadLanguage(locale);
      const lang = cliLanguage(locale);
      setLanguage(lang);
      const ctx = createContext(out, resolveDataDir(globals.dataDir), argv, lang);
      out.detail(() => lang.t('cli.verbose.dataFolder', { folder: ctx.dataDir }));
      try {
        const run = await load();
        setExit(
          await (run as (ctx: CommandContext, ...rest: unknown[]) => Promise<number>)(
            ctx,
            ...args.slice(0, -1),
          ),
        );
      } finally {
        ctx.close();
      }
    };

  const profiles = program
    .command('profiles')
    .description(key('cli.help.profiles.about'))
    .option('--json', key('cli.help.option.json'))
    .addHelpText('after', examples('keyflare profiles', 'keyflare profiles --json'))
    .action(act(async () => (await import('./commands/profiles')).listProfiles));
  profiles
    .command('add <label>')
    .description(key('cli.help.profiles.add'))
    .addOption(
      new Option('--kind <kind>', key('cli.help.option.kind'))
        .choices(['token', 'global-key'])
        .default('token'),
    )
    .option('--email <email>', key('cli.help.option.email'))
    .option('--account-id <id>', key('cli.help.option.accountId'))
    .option('--base-url <url>', key('cli.help.option.baseUrl'))
    .addHelpText(
      'after',
      examples(
        ['keyflare profiles add Work', 'cli.help.example.asksToken'],
        'pass show cloudflare/work | keyflare profiles add Work',
        'keyflare profiles add Legacy --kind global-key --email me@example.com',
      ),
    )
    .action(act(async () => (await import('./commands/profiles')).addProfile));
  profiles
    .command('rename <profile> <label>')
    .description(key('cli.help.profiles.rename'))
    .addHelpText('after', examples('keyflare profiles rename Work "Work (Acme)"'))
    .action(act(async () => (await import('./commands/profiles')).renameProfile));
  profiles
    .command('remove <profile>')
    .description(key('cli.help.profiles.remove'))
    .option('-y, --yes', key('cli.help.option.yes'))
    .addHelpText('after', examples('keyflare profiles remove Work', 'keyflare profiles remove Work --yes'))
    .action(act(async () => (await import('./commands/profiles')).removeProfile));

  program
    .command('sync')
    .description(key('cli.help.sync'))
    .option('-p, --profile <profile>', key('cli.help.option.profileOnly'))
    .addHelpText('after', examples('keyflare sync', 'keyflare sync --profile Work'))
    .action(act(async () => (await import('./commands/sync')).sync));

  program
    .command('tokens')
    .description(key('cli.help.tokens'))
    .option('-p, --profile <profile>', key('cli.help.option.profileOnly'))
    .option('-a, --account <account>', key('cli.help.option.account'))
    .option('-s, --search <words>', key('cli.help.option.search'))
    .addOption(
      new Option('-f, --filter <filter...>', key('cli.help.option.filter')).choices([...TOKEN_FILTERS]),
    )
    .option('--sync', key('cli.help.option.sync'))
    .addOption(new Option('--json', key('cli.help.option.jsonStable')).conflicts('csv'))
    .option('--csv', key('cli.help.option.csv'))
    .addHelpText(
      'after',
      examples(
        'keyflare tokens',
        'keyflare tokens --filter expiring --filter no-ip',
        'keyflare tokens --profile Work --search dns --json | jq ".tokens[].name"',
        'keyflare tokens --account "Acme Corp" --csv > tokens.csv',
      ),
    )
    .action(act(async () => (await import('./commands/tokens')).listTokens));

  program
    .command('show <token>')
    .description(key('cli.help.show'))
    .option('-p, --profile <profile>', key('cli.help.option.profileLook'))
    .option('--json', key('cli.help.option.json'))
    .addHelpText(
      'after',
      examples('keyflare show "Edit DNS acme.com"', 'keyflare show Work/deploy', 'keyflare show 4f1c…'),
    )
    .action(act(async () => (await import('./commands/show')).show));

  program
    .command('export <tokens...>')
    .description(key('cli.help.export'))
    .option('-p, --profile <profile>', key('cli.help.option.profileLook'))
    .addOption(
      new Option('-f, --format <format>', key('cli.help.option.format'))
        .choices(['terraform', 'body', 'recipe', 'share'])
        .default('terraform'),
    )
    .option('-o, --output <file>', key('cli.help.option.output'))
    .option('--force', key('cli.help.option.forceOutput'))
    .addHelpText(
      'after',
      examples(
        'keyflare export deploy > deploy.tf',
        'keyflare export deploy "Edit DNS acme.com" --format recipe -o tokens.keyflare.json',
        'keyflare export deploy --format share',
      ),
    )
    .action(act(async () => (await import('./commands/export')).exportTokens));

  program
    .command('verify [token]')
    .description(key('cli.help.verify'))
    .option('--all', key('cli.help.option.all'))
    .option('-p, --profile <profile>', key('cli.help.option.profileOnly'))
    .option('--json', key('cli.help.option.json'))
    .addHelpText(
      'after',
      examples('keyflare verify deploy', 'keyflare verify --all', 'keyflare verify --all --profile Work'),
    )
    .action(act(async () => (await import('./commands/verify')).verify));

  program
    .command('curl <token>')
    .description(key('cli.help.curl'))
    .option('-p, --profile <profile>', key('cli.help.option.profileLook'))
    .option('--copy', key('cli.help.option.copy'))
    .addHelpText('after', examples('keyflare curl deploy', 'keyflare curl deploy --copy'))
    .action(act(async () => (await import('./commands/curl')).curl));

  program
    .command('exec')
    .description(key('cli.help.exec'))
    .argument('[token]', key('cli.help.argument.execToken'))
    .argument('[command...]', key('cli.help.argument.execCommand'))
    .option('-p, --profile <profile>', key('cli.help.option.profileLook'))
    .option('--force', key('cli.help.option.forceExec'))
    .option('--allow-nested', key('cli.help.option.allowNested'))
    .addHelpText(
      'after',
      examples(
        'keyflare exec deploy -- wrangler deploy',
        ['keyflare exec -- wrangler whoami', 'cli.help.example.namedByFile'],
        'keyflare exec Work/ci -- terraform apply',
      ),
    )
    .action(act(async () => (await import('./commands/exec')).exec));

  program
    .command('link <token>')
    .description(key('cli.help.link'))
    .option('-p, --profile <profile>', key('cli.help.option.profileLook'))
    .addHelpText('after', examples('keyflare link deploy && git add .keyflare.json'))
    .action(act(async () => (await import('./commands/link')).link));

  program
    .command('doctor')
    .description(key('cli.help.doctor'))
    .option('-p, --profile <profile>', key('cli.help.option.profileVerify'))
    .option('--json', key('cli.help.option.json'))
    .addHelpText(
      'after',
      examples('grep CLOUDFLARE_API_TOKEN .env | cut -d= -f2 | keyflare doctor', [
        'keyflare doctor',
        'cli.help.example.asksSecret',
      ]),
    )
    .action(act(async () => (await import('./commands/doctor')).doctor));

  program
    .command('can <token> <permission> <resource>')
    .description(key('cli.help.can'))
    .option('-p, --profile <profile>', key('cli.help.option.profileLook'))
    .option('--json', key('cli.help.option.json'))
    .addHelpText(
      'after',
      examples(
        'keyflare can deploy "edit DNS" example.com',
        'keyflare can ci "Workers Scripts Write" "account:Acme Corp"',
        'keyflare can auditor "API Tokens Read" user',
      ),
    )
    .addHelpText('after', () => `${t()('cli.help.canWords', { name: '<name>' })}\n`)
    .action(act(async () => (await import('./commands/can')).can));

  program
    .command('completion')
    .description(key('cli.help.completion'))
    .addArgument(new Argument('<shell>', key('cli.help.argument.shell')).choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples(
        'keyflare completion bash > ~/.local/share/bash-completion/completions/keyflare',
        'keyflare completion zsh > "${fpath[1]}/_keyflare"',
        'keyflare completion fish > ~/.config/fish/completions/keyflare.fish',
      ),
    )
    .action(act(async () => (await import('./commands/completion')).completion));

  program
    .command('__clear-clipboard <seconds>', { hidden: true })
    .action(act(async () => (await import('./commands/clear-clipboard')).clearClipboard));

  return program;
}

/** Runs the program on `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  let out: Output | null = null;
  // The command's language once it runs; before that (help, usage errors) the one --lang or the
  // environment names, read from the arguments as given.
  let lang: CliLanguage | null = null;
  const language = (): CliLanguage => (lang ??= cliLanguage(helpLocale(argv, process.env)));
  const outFor = (options: GlobalOptions): Output => {
    // Asked on first paint: whether stderr is a terminal is not known without loading Node's
    // stream machinery for a character device, which a run that paints nothing (--json) skips.
    let color: boolean | null = null;
    return (out = createOutput({
      quiet: options.quiet === true,
      verbose: options.verbose === true,
      get color() {
        return (color ??= colorWanted(options.color, stderr()));
      },
    }));
  };
  const program = buildProgram(
    (value) => (code = value),
    outFor,
    argv,
    language,
    (chosen) => (lang = chosen),
  );
  try {
    // Help and usage errors speak before a command runs, synchronously: their language is ready first.
    await loadLanguage(helpLocale(argv, process.env));
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are exits with 0; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const report = out ?? outFor({});
    if (error instanceof CliError) {
      printError(report, language(), error);
      return error.exitCode;
    }
    report.error(`keyflare: ${language().t('cli.error.unexpected')}`);
    report.detail(scrub(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return EXIT.internal;
  }
}
