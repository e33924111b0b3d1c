export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** One top-level CLI command (`rapport <name> …`). Returns the exit code; 2 means bad usage. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}
