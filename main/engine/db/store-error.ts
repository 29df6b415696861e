// A problem with the database file that a person has to act on; the message says what to do.
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
