import { defineConfig } from 'vite';

// Relative asset paths so the same build loads from file:// in Electron and from `trayage serve`.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022' },
});
