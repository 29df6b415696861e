import { create } from 'zustand';

interface LogFilter {
  filter: string;
  // The incident last opened from the log, whose row has the focus again on the way back.
  lastOpened: number | null;
  setFilter(filter: string): void;
  opened(id: number): void;
}

// Which incidents the log shows survives opening one and coming back.
export const useLogFilter = create<LogFilter>()((set) => ({
  filter: 'open',
  lastOpened: null,
  setFilter: (filter) => set({ filter }),
  opened: (lastOpened) => set({ lastOpened }),
}));
