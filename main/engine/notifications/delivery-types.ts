// What every delivery route takes and answers, apart from the routes themselves.
export interface Delivery {
  title: string;
  body: string;
  sound: string | boolean;
}

/**
 * A notice that could not go to the desktop for a reason that retrying will not fix (no
 * notification daemon): the browser pages are its target instead, and the reason is kept.
 */
export interface ToBrowser {
  route: 'browser';
  reason: string;
}

// Resolves (with nothing) once the desktop showed it; rejects when it failed and is worth retrying.
// close ends what the route keeps open between notices (the session-bus connection on Linux).
export type Deliver = ((delivery: Delivery, onClick: () => void) => Promise<void | ToBrowser>) & { close?: () => void };
