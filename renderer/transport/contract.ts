// Asked for as soon as a window starts: the envelopes' schemas, and the loaders of each area's.
export const contract = import('./contract-check');
