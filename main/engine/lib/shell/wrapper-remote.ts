// Wrappers that run commands on other machines through a deployment or cloud tool:
// `ansible all -a 'CMD'`, `sshpass -p pw ssh host 'CMD'`, `fly ssh console -C 'CMD'`,
// `heroku pg:psql -c 'SQL'`, `gcloud compute ssh host --command 'CMD'`, `aws ssm send-command`.
import type { Invocation } from './invocation';
import { valueSet } from './options';
import { Leading, madeWord, runsCommand, type Inner, type WrapperRule } from './wrapper-args';

const ANSIBLE_VALUES = `-m --module-name -a --args -i --inventory --inventory-file -u --user -f --forks -e --extra-vars -l --limit
  -T --timeout -B --background -P --poll -c --connection --private-key --key-file -M --module-path --vault-password-file
  --vault-id --become-user --become-method -t --tree --playbook-dir --task-timeout --ssh-common-args --ssh-extra-args
  --sftp-extra-args --scp-extra-args`;

/** Modules that run their argument as a command or shell script, and modules that only gather facts. */
const ANSIBLE_COMMAND = /^(ansible\.builtin\.|ansible\.legacy\.)?(command|shell|raw)$/;
const ANSIBLE_READING = /^(ansible\.builtin\.)?(ping|setup|gather_facts)$/;

function ansible(inv: Invocation): Inner[] {
  const own = new Leading(inv.words, { values: valueSet(ANSIBLE_VALUES) }, false);
  if (own.has('--list-hosts')) return [];
  const module = own.value('-m', '--module-name')?.text ?? 'command';
  const args = own.value('-a', '--args');
  if (ANSIBLE_COMMAND.test(module)) {
    if (!args) return [{ kind: 'unknown', reason: `\`ansible -m ${module}\` is missing the command to run` }];
    return [{ kind: 'script', text: args.literal ? args.text : null, what: '`ansible -a`' }];
  }
  if (ANSIBLE_READING.test(module)) return [];
  return [{ kind: 'unknown', reason: `\`ansible -m ${module}\` runs a module whose effect the command does not show` }];
}

/** `fly ssh console -C 'CMD'`; without `-C` it opens a shell on the machine. */
function flySsh(inv: Invocation): Inner[] {
  if (inv.rest[0] !== 'console') return [];
  const own = new Leading(inv.words.slice(inv.afterSubcommand), { values: valueSet('-C --command -a --app -c --config -u --user -A --address -r --region --machine --process-group') }, false);
  const command = own.value('-C', '--command');
  if (command) return [{ kind: 'script', text: command.literal ? command.text : null, what: 'the command run by `fly ssh console`' }];
  return [{ kind: 'unknown', reason: '`fly ssh console` without `-C` opens a shell on the machine' }];
}

/** `heroku pg:psql -c SQL` is psql run against the app's database: psql judges the SQL, also SQL sent on the input. */
function herokuPsql(inv: Invocation): Inner[] {
  const own = new Leading(inv.words.slice(inv.afterSubcommand), { values: valueSet('-c --command -f --file -a --app -r --remote --credential') }, false);
  const file = own.value('-f', '--file');
  if (file) return [{ kind: 'unknown', reason: `\`heroku pg:psql -f\` runs SQL from ${file.text}, which the command does not show` }];
  const psql = madeWord('psql', inv.programWord);
  const sql = own.value('-c', '--command');
  if (!sql) return [{ kind: 'command', words: [psql] }];
  return [{ kind: 'command', words: [psql, madeWord('-c', inv.programWord), madeWord(sql.text, inv.programWord, sql.literal)] }];
}

/** `gcloud compute ssh HOST --command 'CMD'` (also `compute tpus tpu-vm ssh`); other gcloud commands run nothing else. */
function gcloud(inv: Invocation): Inner[] {
  if (!inv.operands.includes('ssh')) return [];
  const own = new Leading(inv.words, { values: valueSet('--command --zone --project --ssh-key-file --ssh-flag --container --worker --account --configuration') }, false);
  const command = own.value('--command');
  if (command) return [{ kind: 'script', text: command.literal ? command.text : null, what: 'the command run by `gcloud … ssh`' }];
  return [{ kind: 'unknown', reason: '`gcloud … ssh` without `--command` opens a shell on the machine' }];
}

/** The shell commands in `--parameters`: `commands=CMD`, `commands=["A","B"]` or `{"commands":[…]}`. */
function ssmCommands(parameters: string): string | null {
  try {
    const commands: unknown = (JSON.parse(parameters) as { commands?: unknown }).commands;
    if (typeof commands === 'string') return commands;
    if (Array.isArray(commands)) return commands.map(String).join('\n');
    return null;
  } catch {
    // Not JSON: the CLI's shorthand.
  }
  const shorthand = /^\s*commands\s*=\s*([\s\S]*)$/.exec(parameters);
  if (!shorthand) return null;
  const value = shorthand[1].trim();
  if (!value.startsWith('[')) return value.replace(/^"([\s\S]*)"$/, '$1');
  try {
    return (JSON.parse(value) as unknown[]).map(String).join('\n');
  } catch {
    return value.slice(1, value.endsWith(']') ? -1 : undefined).split(',').join('\n');
  }
}

function ssmSendCommand(inv: Invocation): Inner[] {
  const own = new Leading(inv.words.slice(inv.afterSubcommand), { values: valueSet('--parameters --document-name --instance-ids --targets --comment --region --profile --output-s3-bucket-name --timeout-seconds') }, false);
  const document = own.value('--document-name')?.text ?? '';
  if (!/^AWS-Run(Shell|PowerShell)Script$/.test(document)) return [{ kind: 'unknown', reason: `\`aws ssm send-command\` runs the document ${document || 'it is given'}, which the command does not show` }];
  const parameters = own.value('--parameters');
  if (!parameters) return [{ kind: 'unknown', reason: '`aws ssm send-command` runs commands the command line does not show' }];
  const text = parameters.literal ? ssmCommands(parameters.text) : null;
  if (parameters.literal && text === null) return [{ kind: 'unknown', reason: '`aws ssm send-command` runs commands from parameters it cannot read' }];
  return [{ kind: 'script', text, what: 'the commands `aws ssm send-command` runs on the instances' }];
}

export const REMOTE_WRAPPERS: Readonly<Record<string, WrapperRule>> = {
  sshpass: { inner: runsCommand('-p -f -d -P') },
  ansible: { inner: ansible },
  'fly ssh': {
    inner: flySsh,
    own: (inv) => (inv.rest[0] === 'console' ? null : `\`fly ssh ${inv.rest[0] ?? ''}\` manages SSH access to the app`),
  },
  'heroku pg:psql': { inner: herokuPsql },
  gcloud: { inner: gcloud, judgedByTable: true },
  'aws ssm send-command': { inner: ssmSendCommand, judgedByTable: true },
};
