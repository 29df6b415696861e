import { describe, expect, it } from 'vitest';
import { splitShell } from '../../main/engine/runbooks/importer/shell-split';

const commands = (code: string, dialect: 'bash' | 'console' = 'bash') => splitShell(code, dialect).groups.map((g) => [g.title, g.commands]);

describe('splitShell', () => {
  it('groups commands under their comment; a blank line ends a group', () => {
    expect(commands('# 1. Stop\ndocker stop app\n\ndocker start app\n# Check\ncurl -f http://x\ncurl -f http://y')).toEqual([
      ['Stop', ['docker stop app']],
      [null, ['docker start app']],
      ['Check', ['curl -f http://x', 'curl -f http://y']],
    ]);
  });

  it('takes the last of several comments as the title and drops comments with no command', () => {
    expect(commands('# Fix the file\n# Re-run\nnpm run migrate\n\n# ... make changes ...\n')).toEqual([['Re-run', ['npm run migrate']]]);
  });

  it('joins `\\` continuations into one line', () => {
    expect(commands('aws ecs update-service \\\n  --cluster prod \\\n  --service api')).toEqual([[null, ['aws ecs update-service --cluster prod --service api']]]);
  });

  it('continues after a trailing pipe or &&', () => {
    expect(commands('kubectl get pods |\n  grep web &&\n  echo ok')).toEqual([[null, ['kubectl get pods | grep web && echo ok']]]);
  });

  it('keeps here-documents whole, including lines that look like comments', () => {
    const code = "cat <<'EOF' > /etc/app.conf\n# not a title\nkey = value\nEOF\nsystemctl restart app";
    expect(commands(code)).toEqual([[null, ["cat <<'EOF' > /etc/app.conf\n# not a title\nkey = value\nEOF", 'systemctl restart app']]]);
    expect(commands('cat <<-END\n\tindented\n\tEND')).toEqual([[null, ['cat <<-END\n\tindented\n\tEND']]]);
  });

  it('keeps quoted text across lines, with # and blank lines inside', () => {
    const code = 'gh issue comment 1 --body "\nRoot cause: x\n\n# heading in body\n"\necho done';
    expect(commands(code)).toEqual([[null, ['gh issue comment 1 --body "\nRoot cause: x\n\n# heading in body\n"', 'echo done']]]);
  });

  it('does not take a # inside a word or an apostrophe in a comment for syntax', () => {
    expect(commands("curl http://x/#anchor # don't\necho ${#ARR[@]}")).toEqual([[null, ["curl http://x/#anchor # don't", 'echo ${#ARR[@]}']]]);
  });

  it('reports an unterminated quote, here-document or continuation', () => {
    expect(splitShell('echo "open\nmore', 'bash').problems).toEqual([{ line: 0, message: 'a quote is never closed' }]);
    expect(splitShell('x\ncat <<EOF\nbody', 'bash').problems).toEqual([{ line: 1, message: 'here-document "EOF" is never closed' }]);
    expect(splitShell('ls \\', 'bash').problems).toEqual([{ line: 0, message: 'the last command ends with a line continuation' }]);
  });

  it('reads only `$ ` lines in console blocks, each its own step, output skipped', () => {
    const code = '$ df -h /\nFilesystem Size Used\n/dev/sda1 50G 45G\n$ # Memory\n$ free -m\n              total\n$ docker ps \\\n> --all';
    expect(commands(code, 'console')).toEqual([
      [null, ['df -h /']],
      ['Memory', ['free -m']],
      [null, ['docker ps --all']],
    ]);
  });

  it('ignores a shebang line', () => {
    expect(commands('#!/bin/bash\nset -e\nuptime')).toEqual([[null, ['set -e', 'uptime']]]);
  });
});
