# Real services the tests talk to, started by CI and by `.ci/run` only; each is stopped by its own PID.
SERVICE_PIDS=()

start_services() {
  export TRAYAGE_CI_TMP
  TRAYAGE_CI_TMP=$(mktemp -d)
  # sshd needs its privilege-separation directory even when a test runs its own instance.
  mkdir -p /run/sshd
}

stop_services() {
  for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${TRAYAGE_CI_TMP:-}" ] && rm -rf "$TRAYAGE_CI_TMP"
}
