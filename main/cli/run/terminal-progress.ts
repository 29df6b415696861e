import type { LineWriter } from '../line-writer';
import type { RunWatcher } from './follow-run';
import { omittedNote, stepEnd, stepHeader } from './run-text';

// Prints a run as it goes: each step's command, its live output, then its result.
// The engine streams a step's stdout and stderr as one text, so both go to stdout here.
export function terminalProgress(out: LineWriter): Required<Pick<RunWatcher, 'stepStarted' | 'output' | 'stepEnded'>> {
  let outputDir = '';
  return {
    stepStarted(step, run) {
      outputDir = run.outputDir;
      out.flush();
      out.write(stepHeader(step, run.steps.filter((s) => s.host === step.host).length));
    },
    output(chunk) {
      // What was left out came before the text the chunk carries.
      if (chunk.omitted > 0) {
        out.flush();
        out.write(omittedNote(chunk.omitted, outputDir));
      }
      out.write(chunk.text);
    },
    stepEnded(step) {
      out.flush();
      out.write(stepEnd(step));
    },
  };
}
