// API-1's documents in the browser, on the running stack (./baokao up):
// 1. A partner bureau, not logged in anywhere, opens the Swagger UI page the gateway serves at /open-api/v1/docs: the
//    Chinese introduction, the document 报考平台 合作考试院接口 v1 loaded from the public /open-api/v1/openapi.json,
//    and its exams endpoint. With 「Authorize」 (the demo client partner-demo's id and secret, OAuth2 client
//    credentials against Keycloak) and 「Try it out」 it calls GET /open-api/v1/exams and sees the demo exam.
// 2. A bureau administrator (`operator`) opens 接口文档 in the console: the account service's document with the
//    candidates' /api/accounts/me, then the enrollment service's with /api/enrollments/mine. A finance operator has
//    no such desk.
// Screenshots: e2e/screenshots/api-docs-NN-*.png (1280 px).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { clearScreenshots, launch, newPage, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk } from './support/console.mjs'
import { DEMO_EXAM } from './support/stack.mjs'
import { formItem, seeHeading, seeText } from './support/ui.mjs'

const PARTNER_CLIENT = { id: 'partner-demo', secret: 'partner-demo-secret' }

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

/** An operation of the document Swagger UI shows, by method and path (Swagger UI breaks the shown path up). */
function operation(page, method, path) {
  return page.locator(`.opblock-${method}`).filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) })
}

/** The console's 服务 drop-down: its shown value covers the input, so the select's box is what a person clicks. */
async function pickService(page, name) {
  await formItem(page, '服务').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).click()
}

test('a partner reads the partner API document and tries the exams endpoint without any login',
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    await page.goto('/open-api/v1/docs')
    await seeHeading(page, '合作考试院接口文档（v1）')
    await seeText(page, '以 OAuth2 客户端凭证方式换取访问令牌')
    await page.locator('.information-container .title', { hasText: '报考平台 合作考试院接口 v1' }).waitFor()
    const exams = operation(page, 'get', '/open-api/v1/exams')
    await exams.waitFor()
    // the example names this gateway and the token URL of the document
    await seeText(page, `${new URL(page.url()).origin}/open-api/v1/exams`)
    await screenshot(page, 'partner-page')

    await page.getByRole('button', { name: 'Authorize' }).first().click()
    const dialog = page.locator('.modal-ux')
    await dialog.getByLabel('client_id:').fill(PARTNER_CLIENT.id)
    await dialog.getByLabel('client_secret:').fill(PARTNER_CLIENT.secret)
    // Swagger UI's own names of its buttons 「Authorize」, 「Logout」
    await dialog.getByRole('button', { name: 'Apply given OAuth2 credentials' }).click()
    await dialog.getByRole('button', { name: 'Remove authorization' }).waitFor()
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    await exams.locator('.opblock-summary').click()
    await exams.getByRole('button', { name: 'Try it out' }).click()
    await exams.getByRole('button', { name: 'Execute' }).click()
    const answer = exams.locator('.live-responses-table .response')
    await answer.locator('.response-col_status', { hasText: '200' }).waitFor()
    const body = await answer.locator('.response-col_description pre').first().innerText()
    assert.match(body, new RegExp(DEMO_EXAM), 'the exams the partner API answered')
    await screenshot(page, 'partner-try-it-out')
  }))

test('a bureau administrator reads the services\' documents in the console; finance has no such desk',
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'operator')
    await openDesk(page, '接口文档')
    await page.locator('.information-container .title', { hasText: '报考平台 账号服务接口' }).waitFor()
    await operation(page, 'get', '/api/accounts/me').waitFor()
    await screenshot(page, 'console-account')

    await pickService(page, '报名服务')
    await page.locator('.information-container .title', { hasText: '报考平台 报名服务接口' }).waitFor()
    await operation(page, 'get', '/api/enrollments/mine').waitFor()
    // read only: the console does not call the API from the document
    await operation(page, 'get', '/api/enrollments/mine').locator('.opblock-summary').click()
    assert.equal(await operation(page, 'get', '/api/enrollments/mine').getByRole('button', { name: 'Try it out' })
      .count(), 0, 'no 「Try it out」 in the console')
    await screenshot(page, 'console-enrollment')

    const finance = await consoleLogin(browser, 'finance-sd')
    const menu = finance.getByRole('navigation', { name: '业务菜单' })
    await menu.getByRole('menuitem', { name: '订单管理' }).waitFor()
    assert.equal(await menu.getByRole('menuitem', { name: '接口文档' }).count(), 0, 'finance\'s menu')
  }))
