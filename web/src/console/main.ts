// The operator console (OPS-3): nothing shows before the operator has logged in through Keycloak; then the desks of
// their roles, at their bureau's address.
import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import '../contrast.css'
import '../fonts/rare-han/rare-han.css'
import './console.css'
import ConsoleApp from './ConsoleApp.vue'
import { logIn } from './auth'
import { router } from './router'

async function start() {
  try {
    await logIn()
  } catch {
    document.getElementById('console')!.textContent = '登录服务暂时无法访问，请稍后刷新页面重试。'
    return
  }
  createApp(ConsoleApp).use(router).use(ElementPlus, { locale: zhCn }).mount('#console')
}

start()
