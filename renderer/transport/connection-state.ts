export type ConnectionState = 'connecting' | 'open' | 'closed';
