import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { componentUrl } from './stack-components.mjs'

// `npm run dev` serves the UI with hot reload and sends API calls to the running stack's gateway (./baokao up; its
// port from infra/stack/components.txt, asked only when serving); BAOKAO_GATEWAY points elsewhere. `npm run build`
// writes dist/, which the local stack's gateway serves at once (profile local) and Maven packages for every other
// gateway (build.sh). A bureau's API calls (/sd/api/..., BUR-1) and the root's (/api/...) both go to the gateway, which
// reads the prefix; the dev server answers every page address with the UI, which reads the bureau from it.
export default defineConfig(({ command }) => ({
  plugins: [vue()],
  server: command === 'serve' ? {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: { '^/([a-z]{2,8}/)?api/': process.env.BAOKAO_GATEWAY ?? componentUrl('gateway') },
  } : undefined,
  build: {
    // three pages: the candidates' UI (index.html), the operator console (console.html, served at /console/) and the
    // partners' API page (open-api-docs.html, served at /open-api/v1/docs)
    rollupOptions: { input: { main: 'index.html', console: 'console.html', partner: 'open-api-docs.html' } },
    outDir: 'dist',
    emptyOutDir: true,
    // Swagger UI (API-1's document pages, loaded only there) is one 1.6 MB chunk of its own
    chunkSizeWarningLimit: 1700,
  },
}))
