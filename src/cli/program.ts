// Builds the `stlmgr` commander program and runs it, mapping errors to exit codes.
import { Command, CommanderError } from 'commander';
import { commandRegistrations } from './command-list';
import { CliError, ExitCode } from './cli-error';

export function buildProgram(): Command {
  const program = new Command('stlmgr')
    .description('Scan and query a library of 3D-printable model files')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commandRegistrations) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the process exit code instead of calling process.exit itself. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version "errors" are successful exits; commander has already printed the message
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return ExitCode.ok;
      }
      return ExitCode.usage;
    }
    if (err instanceof CliError) {
      process.stderr.write(`stlmgr: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`stlmgr: unexpected error: ${message}\n`);
    return ExitCode.failure;
  }
}
