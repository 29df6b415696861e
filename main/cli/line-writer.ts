// Remote commands print in arbitrary pieces; the CLI's writers take whole lines.
export function lineWriter(emit: (line: string) => void) {
  let pending = '';
  return {
    write(text: string): void {
      pending += text;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      emit(pending.slice(0, end));
      pending = pending.slice(end + 1);
    },
    // Ends a line the command left open, so what follows starts on a line of its own.
    flush(): void {
      if (pending) emit(pending);
      pending = '';
    },
  };
}

export type LineWriter = ReturnType<typeof lineWriter>;
