// A deliberately small view of a shell command line: enough to see which programs it runs,
// never enough to execute it. Splitting is linear in the length of the command so that
// classifying a hostile or enormous command cannot stall the caller.

const SEPARATORS = /\n|;|&&|\|\||\||&|\$\(|\(|\)|`/;

/** Wrappers that run the command that follows them, with how many of their own options take a value. */
const WRAPPERS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U']),
  xargs: new Set(['-I', '-L', '-n', '-P', '-s', '-d', '-E', '-a']),
  nohup: new Set(),
  time: new Set(),
  exec: new Set(),
  env: new Set(['-u', '-C', '-S']),
  nice: new Set(['-n']),
  timeout: new Set(['-s', '-k']),
  then: new Set(),
  do: new Set(),
  else: new Set(),
};

function unquote(word: string): string {
  if (word.length >= 2 && (word[0] === '"' || word[0] === "'") && word[word.length - 1] === word[0]) {
    return word.slice(1, -1);
  }
  return word;
}

function dropWrappers(words: string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      i += 1;
      continue;
    }
    const wrapper = WRAPPERS[word];
    if (!wrapper) break;
    i += 1;
    if (word === 'timeout' && i < words.length && /^\d/.test(words[i])) i += 1;
    while (i < words.length && words[i].startsWith('-')) {
      i += wrapper.has(words[i]) ? 2 : 1;
    }
  }
  return words.slice(i);
}

/** Options of `docker exec` / `podman exec` that take a value. */
const EXEC_VALUE_OPTIONS = new Set(['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file']);

/**
 * The command a container or cluster exec runs inside the target, e.g. `rm -rf /data` in
 * `docker exec app rm -rf /data` or `kubectl exec -it pod -- rm -rf /data`.
 */
function innerCommand(words: string[]): string[] | null {
  const [program, sub] = words;
  if (program === 'kubectl' || program === 'oc') {
    const dashes = words.indexOf('--');
    return dashes >= 0 ? words.slice(dashes + 1) : null;
  }
  if ((program === 'docker' || program === 'podman') && sub === 'exec') {
    let i = 2;
    while (i < words.length && words[i].startsWith('-')) {
      i += EXEC_VALUE_OPTIONS.has(words[i]) ? 2 : 1;
    }
    return i + 1 < words.length ? words.slice(i + 1) : null;
  }
  return null;
}

/**
 * Splits a command line into the simple commands it runs (separated by newlines, `;`, `&&`,
 * `||`, pipes, `&`, subshells and command substitutions), each as a list of words with
 * wrappers such as `sudo`, `xargs` and environment assignments removed. Commands run inside
 * containers (`docker exec`, `kubectl exec --`) are listed as well.
 */
export function simpleCommands(command: string): string[][] {
  const result: string[][] = [];
  for (const segment of command.split(SEPARATORS)) {
    const words = dropWrappers(segment.trim().split(/\s+/).filter(Boolean).map(unquote));
    if (words.length === 0) continue;
    result.push(words);
    const inner = innerCommand(words);
    const innerWords = inner ? dropWrappers(inner) : [];
    if (innerWords.length > 0) result.push(innerWords);
  }
  return result;
}

/** The program name without its directory, e.g. `rm` for `/bin/rm`. */
export function programName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}
