/**
 * The `keyflare` program: every command, its options and its help, with commander.
 *
 * commander (the most used argument parser for Node, no dependencies) gives gh-style nested
 * commands, `--help` on each, and `--` handling for `exec`. Each command's work lives in its own
 * module under commands/, imported only when that command runs, so `tokens --json` never loads
 * the prompt, table or progress-bar libraries.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { createContext, VERSION, type CommandContext } from './context';
import { resolveDataDir } from './data-dir';
import { cliLanguage, cliLocale } from './locale';
import { CliError, EXIT } from './exit-codes';
import { colorWanted, createOutput, scrub, type Output } from './output';

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

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}

type Action = (ctx: CommandContext, ...args: never[]) => Promise<number>;

/** Builds the program; `setExit` receives each action's exit code. */
export function buildProgram(
  setExit: (code: number) => void,
  outFor: (options: GlobalOptions) => Output,
  argv: readonly string[] = [],
): Command {
  const program = new Command();
  program
    .name('keyflare')
    .description(
      'Cloudflare API tokens from the terminal: the same profiles, cache and keychain as the Keyflare window.',
    )
    .version(VERSION, '-V, --version')
    .option('--data-dir <folder>', 'data folder (default: the window’s; or KEYFLARE_DATA_DIR)')
    .option('-q, --quiet', 'print results and errors only')
    .option('-v, --verbose', 'print details (data folder, timings)')
    .option('--no-color', 'no colors (also when NO_COLOR is set)')
    .option('--lang <language>', 'en or zh-CN (default: LC_ALL, LC_MESSAGES or LANG)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  /** Wraps a command module's function: context, then the exit code it returns. */
  const act =
    (load: () => Promise<Action>) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      const out = outFor(globals);
      const lang = cliLanguage(cliLocale(globals.lang, process.env));
      const ctx = createContext(out, resolveDataDir(globals.dataDir), argv, lang);
      out.detail(`data folder: ${ctx.dataDir}`);
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
    .description('list the profiles (Cloudflare logins) Keyflare knows')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('keyflare profiles', 'keyflare profiles --json'))
    .action(act(async () => (await import('./commands/profiles')).listProfiles));
  profiles
    .command('add <label>')
    .description(
      'add a login; the credential is read from standard input or a hidden prompt, never from arguments',
    )
    .addOption(
      new Option('--kind <kind>', 'what the credential is').choices(['token', 'global-key']).default('token'),
    )
    .option('--email <email>', 'the login’s email (Global API Key only)')
    .option(
      '--account-id <id>',
      'the owning account of an account-owned token (found automatically when absent)',
    )
    .option('--base-url <url>', 'API base URL (default https://api.cloudflare.com/client/v4)')
    .addHelpText(
      'after',
      examples(
        'keyflare profiles add Work                       # asks for the API token (hidden)',
        'pass show cloudflare/work | keyflare profiles add Work',
        'keyflare profiles add Legacy --kind global-key --email me@example.com',
      ),
    )
    .action(act(async () => (await import('./commands/profiles')).addProfile));
  profiles
    .command('rename <profile> <label>')
    .description('rename a profile')
    .addHelpText('after', examples('keyflare profiles rename Work "Work (Acme)"'))
    .action(act(async () => (await import('./commands/profiles')).renameProfile));
  profiles
    .command('remove <profile>')
    .description('remove a profile, its cached tokens and its keychain entries')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples('keyflare profiles remove Work', 'keyflare profiles remove Work --yes'))
    .action(act(async () => (await import('./commands/profiles')).removeProfile));

  program
    .command('sync')
    .description('download every token, account and zone again (a progress bar on a terminal)')
    .option('-p, --profile <profile>', 'only this profile')
    .addHelpText('after', examples('keyflare sync', 'keyflare sync --profile Work'))
    .action(act(async () => (await import('./commands/sync')).sync));

  program
    .command('tokens')
    .description('list cached tokens (works offline)')
    .option('-p, --profile <profile>', 'only this profile')
    .option('-a, --account <account>', 'tokens owned by or reaching this account (name or id)')
    .option('-s, --search <words>', 'tokens whose name, permissions or resources contain every word')
    .addOption(
      new Option('-f, --filter <filter...>', 'only tokens that match (repeatable)').choices([
        ...TOKEN_FILTERS,
      ]),
    )
    .option('--sync', 'sync first')
    .addOption(new Option('--json', 'print JSON (documented, stable schema)').conflicts('csv'))
    .option('--csv', 'print CSV')
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
    .description('a token’s policies, IP filter, dates, warnings and history')
    .option('-p, --profile <profile>', 'look in this profile only')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('keyflare show "Edit DNS acme.com"', 'keyflare show Work/deploy', 'keyflare show 4f1c…'),
    )
    .action(act(async () => (await import('./commands/show')).show));

  program
    .command('export <tokens...>')
    .description(
      'tokens as Terraform (provider v5), the API body, a recipe, or a share-a-request link; never a secret',
    )
    .option('-p, --profile <profile>', 'look in this profile only')
    .addOption(
      new Option('-f, --format <format>', 'what to write')
        .choices(['terraform', 'body', 'recipe', 'share'])
        .default('terraform'),
    )
    .option('-o, --output <file>', 'write to this file instead of printing (it must not exist yet)')
    .option('--force', 'replace the --output file if it exists')
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
    .description('ask Cloudflare whether a token is active; exits 0 only when every checked token is')
    .option('--all', 'every token whose secret Keyflare keeps')
    .option('-p, --profile <profile>', 'only this profile')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples('keyflare verify deploy', 'keyflare verify --all', 'keyflare verify --all --profile Work'),
    )
    .action(act(async () => (await import('./commands/verify')).verify));

  program
    .command('curl <token>')
    .description('print the curl command that verifies a token, using $CLOUDFLARE_API_TOKEN')
    .option('-p, --profile <profile>', 'look in this profile only')
    .option('--copy', 'copy the command with the secret instead, cleared from the clipboard after the delay')
    .addHelpText('after', examples('keyflare curl deploy', 'keyflare curl deploy --copy'))
    .action(act(async () => (await import('./commands/curl')).curl));

  program
    .command('exec')
    .description('run a command with CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID) from the keychain')
    .argument('[token]', 'the token; default: the nearest .keyflare.json')
    .argument('[command...]', 'the command, after --')
    .option('-p, --profile <profile>', 'look in this profile only')
    .option('--force', 'run even when the token is disabled, expired or not yet valid')
    .option('--allow-nested', 'run even inside another keyflare exec')
    .addHelpText(
      'after',
      examples(
        'keyflare exec deploy -- wrangler deploy',
        'keyflare exec -- wrangler whoami        # token named by .keyflare.json',
        'keyflare exec Work/ci -- terraform apply',
      ),
    )
    .action(act(async () => (await import('./commands/exec')).exec));

  program
    .command('link <token>')
    .description('write .keyflare.json in the current folder, naming the token (ids only, safe to commit)')
    .option('-p, --profile <profile>', 'look in this profile only')
    .addHelpText('after', examples('keyflare link deploy && git add .keyflare.json'))
    .action(act(async () => (await import('./commands/link')).link));

  program
    .command('doctor')
    .description('diagnose a secret read from standard input: its kind, status, token and what it can do')
    .option('-p, --profile <profile>', 'verify through this profile only')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'grep CLOUDFLARE_API_TOKEN .env | cut -d= -f2 | keyflare doctor',
        'keyflare doctor   # asks (hidden)',
      ),
    )
    .action(act(async () => (await import('./commands/doctor')).doctor));

  program
    .command('can <token> <permission> <resource>')
    .description('can this token use a permission on a zone, account or user? exits 0 for yes, 1 for no')
    .option('-p, --profile <profile>', 'look in this profile only')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(
        'keyflare can deploy "edit DNS" example.com',
        'keyflare can ci "Workers Scripts Write" "account:Acme Corp"',
        'keyflare can auditor "API Tokens Read" user',
      ) +
        '\nPermissions: a group id or name ("DNS Write"), or the same words in any order with\n' +
        'edit/change = Write and view/list = Read ("edit dns"). Resources: a zone or account name or\n' +
        'id, zone:<name>, account:<name>, or user.\n',
    )
    .action(act(async () => (await import('./commands/can')).can));

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
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
  const outFor = (options: GlobalOptions): Output =>
    (out = createOutput({
      quiet: options.quiet === true,
      verbose: options.verbose === true,
      color: colorWanted(options.color, process.stderr),
    }));
  const program = buildProgram((value) => (code = value), outFor, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are exits with 0; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const report = out ?? outFor({});
    if (error instanceof CliError) {
      report.error(`keyflare: ${error.message}`);
      for (const line of error.lines) report.error(line);
      return error.exitCode;
    }
    report.error('keyflare: an unexpected problem stopped the command.');
    report.detail(scrub(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return EXIT.internal;
  }
}
