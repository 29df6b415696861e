import { create } from 'zustand';
import type { TimelineFilter } from '../views/timeline-kinds';

// The kinds hidden from the timeline; kept while a run or the post-mortem is open, so coming back shows the same view.
export const useTimelineFilter = create<{ hidden: TimelineFilter[]; toggle(filter: TimelineFilter): void; showAll(): void }>()((set) => ({
  hidden: [],
  toggle: (filter) => set(({ hidden }) => ({ hidden: hidden.includes(filter) ? hidden.filter((f) => f !== filter) : [...hidden, filter] })),
  showAll: () => set({ hidden: [] }),
}));
