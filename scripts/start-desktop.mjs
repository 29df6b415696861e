// `npm start`: the desktop app. Electron downloads its binary the first time it runs; where that is
// impossible (no internet), say so plainly and point to headless mode instead of a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronCli = path.join(root, 'node_modules/electron/cli.js');
const child = spawn(process.execPath, [electronCli, root, ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => {
  stderr += chunk;
  process.stderr.write(chunk);
});
child.on('exit', (code) => {
  const hasBinary = fs.existsSync(path.join(root, 'node_modules/electron/dist'));
  if (code !== 0 && !hasBinary) {
    console.error(
      '\nThe Electron binary is not installed and could not be downloaded on this machine.\n' +
        'Run Trayage headless instead:  npm run serve   (or: node dist/cli.cjs serve --open)\n',
    );
  }
  process.exit(code ?? 1);
});
