import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { componentUrl } from './stack-components.mjs'

// `npm run dev` serves the UI with hot reload and sends API calls to the running stack's gateway (./baokao up; its
// port from infra/stack/components.txt, asked only when serving); BAOKAO_GATEWAY points elsewhere. `npm run build`
// writes dist/, which the local stack's gateway serves at once (profile local) and Maven packages for every other
// gateway (build.sh).
export default defineConfig(({ command }) => ({
  plugins: [vue()],
  server: command === 'serve' ? {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': process.env.BAOKAO_GATEWAY ?? componentUrl('gateway') },
  } : undefined,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
}))
