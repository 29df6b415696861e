// Asked for as soon as a window starts, so the schemas are built while the first screen renders.
export const contract = import('./contract-check');
