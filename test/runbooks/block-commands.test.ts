import { describe, expect, it } from 'vitest';
import { readShellBlock } from '../../main/engine/runbooks/importer/block-commands';
import { readSqlBlock } from '../../main/engine/runbooks/importer/sql-commands';

const read = (block: string, dialect: 'shell' | 'session' = 'shell') =>
  readShellBlock(block, dialect).commands.map((c) => [c.comment, c.groupStart, c.text]);

describe('readShellBlock', () => {
  it('gives one command per top-level command, grouped under their comments; a blank line starts a group', () => {
    expect(read('# 1. Stop\ndocker stop app\n\ndocker start app\n# Check\ncurl -f http://x\ncurl -f http://y')).toEqual([
      ['1. Stop', true, 'docker stop app'],
      [null, true, 'docker start app'],
      ['Check', true, 'curl -f http://x'],
      [null, false, 'curl -f http://y'],
    ]);
  });

  it('keeps continuations, here-documents and quoted text across lines whole', () => {
    expect(read('aws ecs update-service \\\n  --cluster prod\ncat <<EOF > /etc/x\n# not a title\nEOF\ngh issue comment 1 --body "\nRoot cause: x\n\n# heading\n"')).toEqual([
      [null, true, 'aws ecs update-service \\\n  --cluster prod'],
      [null, false, 'cat <<EOF > /etc/x\n# not a title\nEOF'],
      [null, false, 'gh issue comment 1 --body "\nRoot cause: x\n\n# heading\n"'],
    ]);
  });

  it('takes the last of several comments, a comment on the command line, and marks "# or" before a comment', () => {
    expect(read('# Fix the file\n# Re-run\nnpm run migrate\n\ndf -h  # human sizes\n\n# Remove it\nrm x\n# or\n# Empty it\ntruncate -s 0 x')).toEqual([
      ['Re-run', true, 'npm run migrate'],
      ['human sizes', true, 'df -h'],
      ['Remove it', true, 'rm x'],
      ['Or Empty it', true, 'truncate -s 0 x'],
    ]);
  });

  it('reads a block that does not parse piece by piece and says where', () => {
    const reading = readShellBlock('ls /tmp\n\necho "unterminated\nuptime', 'shell');
    expect(reading.commands.map((c) => c.text)).toEqual(['ls /tmp', 'uptime']);
    expect(reading.problems).toEqual([{ line: 2, message: 'shell syntax error on line 1: reached EOF without closing quote "' }]);
    expect(reading.outputLines).toEqual([2]);
  });

  it('reads `<placeholders>` as the values they stand for, not as redirections', () => {
    expect(readShellBlock('kubectl logs <pod-name> -n <namespace>\nkubectl delete pod <pod-name>', 'shell').commands.map((c) => [c.text, c.masked])).toEqual([
      ['kubectl logs <pod-name> -n <namespace>', 'kubectl logs _pod_name_ -n _namespace_'],
      ['kubectl delete pod <pod-name>', 'kubectl delete pod _pod_name_'],
    ]);
  });

  it('in a transcript, reads the commands after prompts, a `$ # comment` as a title and `> ` as a continuation', () => {
    const reading = readShellBlock('$ df -h /\nFilesystem Size Used\n/dev/sda1 50G 45G\n$ # Memory\n$ free -m\n              total\n$ docker ps \\\n> --all', 'session');
    expect(reading.commands.map((c) => [c.comment, c.text, c.line])).toEqual([
      [null, 'df -h /', 0],
      ['Memory', 'free -m', 4],
      [null, 'docker ps \\\n--all', 6],
    ]);
    expect(reading.outputLines).toEqual([1, 2, 5]);
  });

  it('reads `# ` as root\'s prompt in a transcript only before a command, and never in a bash block', () => {
    expect(read('# Check the disk\n# df -h\nFilesystem Size\n', 'session')).toEqual([['Check the disk', true, 'df -h']]);
    expect(read('# df -h\nfree -m')).toEqual([['df -h', true, 'free -m']]);
  });

  it('leaves tables, `key = value` lines and prose pasted into a bash block out', () => {
    const reading = readShellBlock('kubectl get pods\nNAME    READY   STATUS\nweb-1   1/1     Running\n\nterraform output\ndb_host = "db.internal"\nstatus: Running\nThe pod restarts every few minutes.\nls -l\ndrwxr-xr-x 2 root root 4096 Apr 2 data', 'shell');
    expect(reading.commands.map((c) => c.text)).toEqual(['kubectl get pods', 'terraform output', 'ls -l']);
    expect(reading.outputLines).toEqual([1, 2, 5, 6, 7, 9]);
  });

  it('ignores a shebang line', () => {
    expect(read('#!/bin/bash\nset -e\nuptime').map((c) => c[2])).toEqual(['set -e', 'uptime']);
  });
});

describe('readSqlBlock', () => {
  it('gives one statement per `;`, titled by the `--` comment above it, quotes and dollar quotes respected', () => {
    const reading = readSqlBlock("-- Count\nSELECT count(*) FROM t WHERE note = 'a;b';\n\nDO $$ BEGIN PERFORM 1; END $$;\n\\dt\nSELECT 2");
    expect(reading.statements.map((s) => [s.comment, s.line, s.text])).toEqual([
      ['Count', 1, "SELECT count(*) FROM t WHERE note = 'a;b';"],
      [null, 3, 'DO $$ BEGIN PERFORM 1; END $$;'],
      [null, 4, '\\dt'],
      [null, 5, 'SELECT 2'],
    ]);
  });

  it('reads a mysql transcript: statements after `mysql>` with their `->` continuations, the result table left out', () => {
    const reading = readSqlBlock('mysql> SELECT id, state\n    -> FROM information_schema.processlist;\n+----+-------+\n| id | state |\n+----+-------+\nmysql> KILL 42;');
    expect(reading.statements.map((s) => s.text)).toEqual(['SELECT id, state\nFROM information_schema.processlist;', 'KILL 42;']);
    expect(reading.outputLines).toEqual([2, 3, 4]);
  });
});
