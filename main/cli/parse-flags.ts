import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-types';

type Options = NonNullable<ParseArgsConfig['options']>;

// node:util's strict parser, with its errors turned into usage errors that name the flag.
export function parseFlags<O extends Options>(args: string[], options: O, usage: string, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`Unexpected argument '${parsed.positionals[positionals]}'.`, usage);
    }
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message, usage);
  }
}

export function parsePort(value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not '${value}'.`, usage);
  }
  return port;
}
