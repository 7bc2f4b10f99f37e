import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'shared/**/*.test.ts', 'src-renderer/**/*.test.ts', 'src-phone/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
