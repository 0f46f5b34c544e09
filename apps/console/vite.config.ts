import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const consoleRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(consoleRoot, '../..');
// The API's development port; the dev and preview servers forward /api to it, as production serves both on one origin.
const API_DEV_URL = 'http://localhost:3000';

interface TsconfigPaths {
  compilerOptions: { paths: Record<string, string[]> };
}

// The workspace aliases (@fleet/...) come from tsconfig.base.json, so the console and the server resolve
// the shared and domain libraries from the same place.
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(
    readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'),
  ) as TsconfigPaths;
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      resolve(workspaceRoot, target),
    ]),
  );
}

export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [react()],
  resolve: { alias: workspaceAliases() },
  build: {
    outDir: resolve(workspaceRoot, 'dist/console'),
    emptyOutDir: true,
  },
  server: { proxy: { '/api': API_DEV_URL } },
  preview: { proxy: { '/api': API_DEV_URL } },
});
