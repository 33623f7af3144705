// OPS-3: each demo operator logs in through Keycloak's page (authorization code + PKCE) and sees the desks of their
// role, the console calls the services with their token, and 退出登录 ends the Keycloak session.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launch, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, OPERATORS } from './support/console.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const MENUS = {
  operator: ['今日概况', '考试管理', '数据导入', '照片与证明材料审核', '手机号变更审核', '实践课审核', '考生查询', '报名信息', '数据导出',
    '订单管理', '对账', '消息模板', '失败消息', 'Webhook 投递', '审计日志', '接口文档'],
  'city-jinan': ['今日概况', '考生查询', '报名信息', '数据导出'],
  'reviewer-fudan': ['今日概况', '照片与证明材料审核', '手机号变更审核', '实践课审核', '考生查询', '报名信息', '数据导出'],
  'finance-sd': ['今日概况', '报名信息', '数据导出', '订单管理', '对账'],
  'auditor-sd': ['今日概况', '考试管理', '照片与证明材料审核', '手机号变更审核', '实践课审核', '考生查询', '报名信息', '订单管理', '对账',
    '消息模板', '失败消息', 'Webhook 投递', '审计日志', '接口文档'],
}

for (const [username, menu] of Object.entries(MENUS)) {
  test(`${username} logs in through Keycloak and sees the desks of the role`, { timeout: 90000 },
    () => photographFailure(browser, async () => {
      const page = await consoleLogin(browser, username)
      const items = (await page.getByRole('navigation', { name: '业务菜单' }).getByRole('menuitem').allTextContents())
        .map((t) => t.trim())
      assert.deepEqual(items, menu)
      const bureau = Object.values(OPERATORS).find((o) => o.username === username).bureau
      await page.locator('.console-brand').filter({ hasText: bureau === 'sd' ? '山东' : '上海' }).waitFor()
      await screenshot(page, `${username}-home`)
      await page.context().close()
    }))
}

test('退出登录 ends the Keycloak session: the console asks for the password again', { timeout: 90000 },
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'auditor-sd')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.locator('#username').waitFor()
    await page.goto('/console/')
    await page.locator('#username').waitFor()
    await page.context().close()
  }))
