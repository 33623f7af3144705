import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` serves the UI with hot reload and sends API calls to the running stack's gateway
// (./baokao up); BAOKAO_GATEWAY points elsewhere. `npm run build` writes dist/, which the local stack's gateway
// serves at once (profile local) and Maven packages for every other gateway (build.sh).
const gateway = process.env.BAOKAO_GATEWAY ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': gateway },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
})
