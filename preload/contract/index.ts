export * from './api';
export * from './envelope';
export * from './events';
export * from './incident-detail';
export * from './incidents';
export * from './methods';
export * from './tray';
export * from './workflow';
