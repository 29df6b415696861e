import { create } from 'zustand';
import type { Notice } from '../../preload/contract';

export interface NoticeState {
  // Shown in the page, newest last, until dismissed or opened.
  banners: Notice[];
  // Notices not seen yet: open banners plus desktop-style notices raised while the page was not in front.
  unseen: number;
  permission: NotificationPermission | 'unsupported';
}

export const useNoticeStore = create<NoticeState>()(() => ({
  banners: [],
  unseen: 0,
  permission: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
}));

export function dismissBanner(id: number): void {
  useNoticeStore.setState((s) => {
    if (!s.banners.some((b) => b.id === id)) return s;
    return { banners: s.banners.filter((b) => b.id !== id), unseen: Math.max(0, s.unseen - 1) };
  });
}

export function dismissAll(): void {
  useNoticeStore.setState((s) => ({ banners: [], unseen: Math.max(0, s.unseen - s.banners.length) }));
}
