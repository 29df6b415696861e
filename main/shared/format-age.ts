// The tray menu's name for the compact age; the formats themselves live in time-format.ts.
export { formatCompactAge as formatAge } from './time-format';
