// Errors the CLI turns into a message on stderr and an exit code (never a stack trace).
export const ExitCode = {
  ok: 0,
  failure: 1, // anything unexpected
  usage: 2, // bad flag, bad number, missing argument
  notFound: 3, // a folder or file named on the command line does not exist
  database: 4, // database unreadable or corrupt
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
