import {readdirSync, existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {defineConfig} from 'vite';

const root = import.meta.dirname;
const elements = readdirSync(resolve(root, 'src/elements')).filter((name) => existsSync(resolve(root, `src/elements/${name}/define.ts`)));

/** npm/CDN library build: the whole kit, each element's registration module, the bridge and the sandbox. */
const entries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  'vtex-elements': resolve(root, 'src/define.ts'),
  ...Object.fromEntries(elements.map((name) => [`elements/${name}`, resolve(root, `src/elements/${name}/define.ts`)])),
  ...(existsSync(resolve(root, 'src/bridge/index.ts')) ? {bridge: resolve(root, 'src/bridge/index.ts')} : {}),
  ...(existsSync(resolve(root, 'src/sandbox/index.ts')) ? {sandbox: resolve(root, 'src/sandbox/index.ts')} : {}),
};

export default defineConfig({
  esbuild: {target: 'es2022'},
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    sourcemap: true,
    lib: {entry: entries, formats: ['es']},
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
