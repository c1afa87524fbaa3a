/** What every command writes to, so tests can run commands in-process and read the output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/**
 * Exit codes:
 *   0  done (for `check`, whatever the verdicts);
 *   1  some input could not be used (unreadable, binary, too large, no article…);
 *   2  the command itself is wrong: bad option, missing argument, unusable pack.
 */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** A failure the user can fix, shown as its message alone (never a stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}
