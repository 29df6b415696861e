export * from './api';
export * from './envelope';
export * from './events';
export * from './incidents';
export * from './methods';
export * from './tray';
