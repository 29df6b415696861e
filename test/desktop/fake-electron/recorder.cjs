// The stand-in's line to the test that forked the shell: each call the shell makes is sent to the test
// as a record, and the test's stand-ins for user actions (a tray click, a window's call) arrive as commands.
if (!process.send) throw new Error('The electron stand-in needs the IPC channel of the test that forks the shell.');

const commands = new Map();

// `t` is monotonic so the test can measure delays between records, e.g. the restart back-off.
function record(kind, detail = {}, sent) {
  process.send({ record: { kind, t: performance.now(), ...detail } }, sent);
}

function onCommand(name, run) {
  commands.set(name, run);
}

process.on('message', async ({ command, ...detail }) => {
  try {
    const run = commands.get(command);
    if (!run) throw new Error(`unknown command '${command}'`);
    await run(detail);
  } catch (err) {
    record('command.failed', { command, message: err instanceof Error ? err.message : String(err) });
  }
});

// Without the test nobody is left to drive the app: end as if it had been killed.
process.on('disconnect', () => process.exit(1));

module.exports = { record, onCommand };
