// A problem `serve` expects and can explain, such as a port in use or a damaged token file: the
// message says what to do, so it is printed as it is, without an "unexpected" note.
export class ServeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeError';
  }
}
