export interface MonitorHealth {
  healthy: boolean;
  detail: string;
}

/** What other areas may ask of the monitors area. */
export interface MonitorsPort {
  /**
   * The health of a monitor by name, as a verify-health step sees it: while it is not up it is asked
   * to check again at once, so a deadline is not spent waiting for its schedule.
   */
  health(name: string): MonitorHealth;
}
