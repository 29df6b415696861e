let context: AudioContext | null = null;

/** A short two-tone chime, made in the page so there is no file to load; silent where audio is blocked. */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    // Browsers keep audio suspended until the person has interacted with the page; then nothing plays.
    if (context.state !== 'running') return void context.resume().catch(() => {});
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.15, 660],
    ] as const) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.12, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.14);
      tone.connect(gain).connect(context.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.15);
    }
  } catch {
    // No audio in this browser: the notice itself still shows.
  }
}
