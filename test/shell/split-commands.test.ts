import { describe, expect, it } from 'vitest';
import { splitCommands } from '../../main/engine/lib/shell/split-commands';

describe('splitCommands', () => {
  it.each<[string, string, string[]]>([
    ['one per line', 'ls\npwd', ['ls', 'pwd']],
    ['drops comments', '# check disk\ndf -h # human\n\n# memory\nfree -m\n', ['df -h', 'free -m']],
    ['keeps line continuations whole', 'kubectl logs \\\n  --tail=20 web\necho done', ['kubectl logs \\\n  --tail=20 web', 'echo done']],
    ['keeps a here-document whole', 'cat > /tmp/x <<EOF\nline 1\n# not a comment\nEOF\nls', ['cat > /tmp/x <<EOF\nline 1\n# not a comment\nEOF', 'ls']],
    ['keeps a here-document fed into a pipe', "psql <<-'SQL' | tee out\n\tSELECT 1;\n\tSQL\nnext", ["psql <<-'SQL' | tee out\n\tSELECT 1;\n\tSQL", 'next']],
    ['keeps an empty here-document', 'cat <<EOF\nEOF\nls', ['cat <<EOF\nEOF', 'ls']],
    ['keeps commands whose here-documents share lines together', 'cat <<A; cat <<B\na\nA\nb\nB\nnext', ['cat <<A; cat <<B\na\nA\nb\nB', 'next']],
    ['splits at semicolons', 'echo a; echo b', ['echo a', 'echo b']],
    ['keeps && lists over several lines', 'make build &&\n  make test\nls', ['make build &&\n  make test', 'ls']],
    ['keeps pipes over several lines', 'ps aux |\n  grep nginx', ['ps aux |\n  grep nginx']],
    ['keeps if blocks', 'if true; then\n  # inner\n  echo y\nfi\necho n', ['if true; then\n  # inner\n  echo y\nfi', 'echo n']],
    ['keeps functions', 'f() {\n  echo hi\n}\nf', ['f() {\n  echo hi\n}', 'f']],
    ['keeps subshells', '(cd /tmp && ls)\npwd', ['(cd /tmp && ls)', 'pwd']],
    ['keeps loops', 'for h in a b; do\n  ssh $h uptime\ndone\necho ok', ['for h in a b; do\n  ssh $h uptime\ndone', 'echo ok']],
    ['keeps case statements', 'case $x in\n  a) echo a;;\n  *) echo b;;\nesac', ['case $x in\n  a) echo a;;\n  *) echo b;;\nesac']],
    ['keeps background commands with their &', 'sleep 10 &\nwait', ['sleep 10 &', 'wait']],
    ['keeps command substitutions over lines', 'echo $(\n  date\n)\nls', ['echo $(\n  date\n)', 'ls']],
    ['keeps newlines inside quotes', 'echo "a\nb"\nls', ['echo "a\nb"', 'ls']],
    ['handles text beyond ASCII', 'echo héllo\necho wörld → ok', ['echo héllo', 'echo wörld → ok']],
    ['returns nothing for comments only', '# nothing to run\n\n', []],
    ['returns nothing for an empty block', '', []],
  ])('%s', (_name, block, expected) => {
    expect(splitCommands(block), JSON.stringify(block)).toEqual(expected);
  });

  it('returns a block that does not parse as one command', () => {
    expect(splitCommands('echo "unterminated\nls\n')).toEqual(['echo "unterminated\nls']);
  });
});
