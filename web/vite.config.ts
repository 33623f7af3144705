import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` serves the UI with hot reload and sends API calls to the running stack's gateway
// (./baokao up); BAOKAO_GATEWAY points elsewhere. The production build lands where Maven packages it for the
// gateway to serve (see pom.xml).
const gateway = process.env.BAOKAO_GATEWAY ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': gateway },
  },
  build: {
    outDir: process.env.BAOKAO_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
})
