import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative base so the built app works at any path on a static server (a sub-path on a school server).
  base: './',
  build: {
    rolldownOptions: {
      output: {
        // xterm is large and changes rarely: its own chunk keeps the main chunk small and cacheable.
        manualChunks(id: string) {
          if (id.includes('node_modules/@xterm')) return 'xterm';
          return undefined;
        },
      },
    },
  },
});
