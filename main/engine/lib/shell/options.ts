// Reads a command's arguments the way getopt-style programs do, so that `kubectl -n prod
// delete pod x`, `rm -rf x`, `curl -XPOST` and `journalctl -fu nginx` are all understood:
// which options are given (with their values) and which words are operands.

export interface OptionSyntax {
  /** Options that take a value, from the next word or attached (`-n5`, `--tail=5`). */
  values?: ReadonlySet<string>;
  /** `-name` is one option, as in `find -name`, `openssl -connect` or `terraform -target`. */
  singleDashLong?: boolean;
}

export interface Option {
  /** As written without its value: `-f`, `--follow`, `-100`. */
  name: string;
  value?: string;
  /** Index in the argument list of the word that holds the option. */
  index: number;
}

export interface ParsedArgs {
  options: Option[];
  operands: string[];
  /** Index of the first operand (`args.length` when there is none). */
  firstOperand: number;
}

const NO_VALUES: ReadonlySet<string> = new Set();

export function valueSet(names: string): ReadonlySet<string> {
  return new Set(names.split(/\s+/).filter(Boolean));
}

/**
 * Splits arguments into options and operands. Options may follow operands (GNU style);
 * `--` ends the options. With `stopAtOperand`, the first operand and all after it are operands.
 */
export function parseArgs(args: readonly string[], syntax: OptionSyntax = {}, stopAtOperand = false): ParsedArgs {
  const values = syntax.values ?? NO_VALUES;
  const options: Option[] = [];
  const operands: string[] = [];
  let firstOperand = args.length;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      firstOperand = Math.min(firstOperand, i + 1);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      firstOperand = Math.min(firstOperand, i);
      if (stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    const long = arg.startsWith('--') || syntax.singleDashLong || /^-\d+$/.test(arg);
    if (long) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options.push({ name: arg.slice(0, eq), value: arg.slice(eq + 1), index: i });
      } else if (values.has(arg) && i + 1 < args.length) {
        options.push({ name: arg, value: args[i + 1], index: i });
        i += 1;
      } else {
        options.push({ name: arg, index: i });
      }
      continue;
    }
    for (let j = 1; j < arg.length; j += 1) {
      const name = `-${arg[j]}`;
      if (!values.has(name)) {
        options.push({ name, index: i });
        continue;
      }
      const attached = arg.slice(j + 1);
      if (attached) options.push({ name, value: attached, index: i });
      else if (i + 1 < args.length) {
        options.push({ name, value: args[i + 1], index: i });
        i += 1;
      } else options.push({ name, index: i });
      break;
    }
  }
  return { options, operands, firstOperand };
}
