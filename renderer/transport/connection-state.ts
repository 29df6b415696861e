// 'denied': the server is there but refuses this tab's token (serve started with --new-token, or an
// old link); retrying cannot help, only the link `trayage serve` printed can.
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'denied';
