/**
 * provenance-lens: the command-line side of Provenance Lens. Builds packs of known
 * originals and checks saved pages against them, with the extension's own code.
 */
import { readFileSync } from 'node:fs';
import { CHECK_HELP, runCheck } from './check-command';
import { CliError, EXIT, processIo, type Io } from './io';
import { PACK_HELP, runPack } from './pack-command';

export const HELP = `Usage: provenance-lens <command> [options]

Tells whether an article is a translated copy of a known original.

Commands:
  pack <files or folders> -o pack.json   build a pack of known originals from articles
  check <files or folders> [--pack P]    is each article a translated copy of a known original?
  help [command]                         help for a command

Options:
  -h, --help      this help (or a command's, after the command)
  -v, --version   the version

Run "provenance-lens <command> --help" for a command's options.`;

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => number; help: string }> = {
  pack: { run: runPack, help: PACK_HELP },
  check: { run: runCheck, help: CHECK_HELP },
};

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs the CLI; returns the exit status. Never throws: every failure becomes a message. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === '-h' || name === '--help') {
      io.out(HELP);
      return name ? EXIT.ok : EXIT.usage;
    }
    if (name === '-v' || name === '--version') {
      io.out(version());
      return EXIT.ok;
    }
    if (name === 'help') {
      const cmd = rest[0] ? COMMANDS[rest[0]] : undefined;
      if (rest[0] && !cmd) throw new CliError(`unknown command "${rest[0]}".\n\n${HELP}`);
      io.out(cmd ? cmd.help : HELP);
      return EXIT.ok;
    }
    const cmd = COMMANDS[name];
    if (!cmd) throw new CliError(`unknown command "${name}".\n\n${HELP}`);
    return cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`provenance-lens: ${e.message}`);
      return e.exitCode;
    }
    // parseArgs' errors (unknown option, missing value) are the user's to fix.
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`provenance-lens: ${(e as Error).message}\nRun "provenance-lens ${name} --help" for the options.`);
      return EXIT.usage;
    }
    io.err(`provenance-lens: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.PROVENANCE_DEBUG) io.err(String((e as Error)?.stack ?? ''));
    return 70;
  }
}
