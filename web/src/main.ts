import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './contrast.css'
// 生僻字 in names (CJK Extension B-F, e.g. 𠮷): a face loaded only for a page that shows one (rare-font.mjs)
import './fonts/rare-han/rare-han.css'
import './styles.css'
import App from './App.vue'
import { address, bureauHome } from './address'
import { bureau } from './api/enrollment'
import { loadPageBureau } from './bureau'
import { router } from './router'

/**
 * An address from before bureaus (/wizard/payment, an old bookmark) is the same page of the default bureau, which
 * the unprefixed API names; if that cannot be asked, the root's 404 page offers the choice.
 */
async function openUnderDefaultBureau(): Promise<boolean> {
  try {
    const { code } = await bureau()
    const { pathname, search, hash } = window.location
    window.location.replace(bureauHome(code) + pathname.slice(1) + search + hash)
    return true
  } catch {
    return false
  }
}

async function start() {
  if (address.beforeBureaus && (await openUnderDefaultBureau())) return
  loadPageBureau()
  createApp(App).use(router).use(ElementPlus, { locale: zhCn }).mount('#app')
}

start()
