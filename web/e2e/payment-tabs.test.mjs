// Issue 22 items 3 and 4 in the browser, on the running stack (./baokao up): one session across the tabs of a
// browser (the refresh token in an HttpOnly cookie, the access token in each tab's memory), and the bank's cashier in
// a new tab while the app's tab waits and tells the truth about the order: the bank tab closed without paying, 取消支付
// at the bank, then paid — the app's tab noticing by itself. A second tab is logged in without a new SMS code; 退出 in
// one logs out the other. Screenshots: e2e/screenshots/payment-tabs-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  BAOKAO_URL, checkPage, clearScreenshots, launch, newPage, photographFailure, screenshot,
} from './support/browser.mjs'
import { confirmedEnrollment } from './support/enrollment-api.mjs'
import { button, seeHeading, seeText, waitForText } from './support/ui.mjs'

/** the payment event reaches enrollment-service through Kafka: a moment after the bank's notification */
const EVENT_PATIENCE = 60000

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/**
 * A browser whose session cookie holds the refresh token of a login made through the API: exactly the cookie
 * account-service sets on a login in the browser (HttpOnly, Secure, SameSite=Strict, the bureau's token path), so
 * the test needs no second SMS code for the same candidate.
 */
async function browserWithSession(tokens) {
  const page = await newPage(browser)
  await page.context().addCookies([{
    // the very path the server sets (a cookie of another path would be a second cookie, sent first)
    name: 'baokao_refresh', value: tokens.refresh_token, domain: new URL(BAOKAO_URL).hostname,
    path: '/sd/api/accounts/public/tokens', httpOnly: true, secure: true, sameSite: 'Strict',
  }])
  return page
}

/** 缴费 (or 继续支付) opens the bank's cashier in a new tab; the app's tab stays where it is. */
async function openBank(page, label) {
  const [bank] = await Promise.all([page.waitForEvent('popup'), button(page, label).click()])
  await bank.waitForURL(/\/sandbox\/bank\/.+\/pay\//, { timeout: 30000 })
  await seeText(bank, '沙箱环境 · 非真实支付')
  assert.match(page.url(), /\/sd\/wizard\/payment/, 'the app\'s tab did not go to the bank')
  return bank
}

const orderStatus = (page) => page.getByTestId('order-status')

test('the bank in a new tab: closed, cancelled, then paid; the app\'s tab stays logged in and truthful; a second tab shares the session and 退出 ends both',
  { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const { tokens } = await confirmedEnrollment('多窗口考生', {
      mailingAddress: '山东省济南市历下区测试路1号', postcode: '250000', email: 'tabs@example.com',
    })
    const page = await browserWithSession(tokens)

    // a tab with no token asks the cookie once: logged in without the login form
    await page.goto('/sd/wizard/payment')
    await seeText(page, '网上缴纳报考费')
    await waitForText(orderStatus(page), '待缴费', 'the order, not yet sent to the bank')
    const header = page.getByRole('banner')
    await waitForText(header, /考生：多\*+/, 'the header names the candidate, masked')
    assert.equal(await header.getByText('多窗口考生').count(), 0, 'the header shows the masked name only')
    assert.equal(await page.evaluate(() => document.cookie.includes('baokao_refresh')), false,
      'script cannot read the refresh token')
    await checkPage(page)
    await screenshot(page, 'payment-created')

    // 上一步 (seed 000 §2.6): 确认报考信息, read-only once confirmed, and back
    await button(page, '上一步').click()
    await seeHeading(page, '确认报考信息')
    await seeText(page, '报考信息已确认，不可修改')
    assert.equal(await button(page, '确认报考信息').count(), 0, 'nothing to confirm again')
    await screenshot(page, 'confirm-read-only')
    await button(page, '返回网上缴费').click()
    await waitForText(orderStatus(page), '待缴费', 'back on the payment page')

    // 1. the bank in a new tab, closed without paying
    let bank = await openBank(page, '缴费')
    await seeText(bank, '中国光大银行')
    await screenshot(bank, 'bank-tab')
    await seeText(page, '正在等待银行支付结果')
    await waitForText(orderStatus(page), '支付中', 'the order at the bank')
    const countdown = (await page.getByTestId('countdown').innerText()).trim()
    assert.match(countdown, /^(29|30):[0-5]\d$/, `the 30 minutes count down: ${countdown}`)
    await screenshot(page, 'waiting-for-bank')
    await bank.close()
    // the app's tab saw its bank tab close, asked the bank and says what it found
    await waitForText(page.getByTestId('refresh-found'), '银行尚未收到付款，订单仍可支付', 'what the bank said')
    await waitForText(orderStatus(page), '待缴费', 'payable again')
    await page.getByRole('link', { name: '退出', exact: true }).waitFor()
    await screenshot(page, 'bank-tab-closed')
    // 刷新订单状态 always says what it found
    const asked = page.waitForResponse((r) => /\/sd\/api\/payments\/orders\/[^/]+\/refresh$/.test(r.url()))
    await button(page, '刷新订单状态').click()
    assert.equal((await (await asked).json()).status, 'CREATED', 'the bank was asked again')
    await waitForText(page.getByTestId('refresh-found'), '银行尚未收到付款，订单仍可支付', '刷新 says it again')
    assert.match((await page.getByTestId('countdown').innerText()).trim(), /^(29|30|2\d):[0-5]\d$/,
      'the countdown runs on')

    // 2. 取消支付 at the bank: the bank sends that tab back to the app, logged in by the cookie; the order is payable
    bank = await openBank(page, '缴费')
    await Promise.all([bank.waitForURL(/\/sd\/wizard\/payment\?result=cancelled/, { timeout: 30000 }),
      button(bank, '取消支付').click()])
    await seeText(bank, '您已取消支付，如需缴费请再次点击缴费')
    await waitForText(bank.getByTestId('order-status'), '待缴费', 'the returned tab: payable again')
    await screenshot(bank, 'bank-cancelled-returned-tab')
    await waitForText(orderStatus(page), '待缴费', 'the app\'s tab learns it by itself')
    await button(page, '缴费').waitFor()
    await screenshot(page, 'after-cancel')
    await bank.close()

    // 3. paid: the app's tab notices by itself
    bank = await openBank(page, '缴费')
    await Promise.all([bank.waitForURL((url) => url.href.startsWith(BAOKAO_URL), { timeout: 30000 }),
      button(bank, '确认支付').click()])
    await page.getByRole('cell', { name: '已缴费', exact: true }).waitFor({ timeout: EVENT_PATIENCE })
    await seeText(page, '缴费成功，您已完成网上报名', EVENT_PATIENCE)
    await button(page, '下载电子票据').waitFor()
    await checkPage(page)
    await screenshot(page, 'paid-noticed')
    await bank.close()

    // a second tab of the same browser: logged in, no SMS code; 退出 there ends the first tab's session too
    const second = await page.context().newPage()
    await second.goto('/sd/wizard')
    await seeText(second, '你已完成网上报名', EVENT_PATIENCE)
    await waitForText(second.getByRole('banner'), /考生：多\*+/, 'the second tab\'s header')
    assert.doesNotMatch(second.url(), /\/login/)
    await screenshot(second, 'second-tab')
    await second.getByRole('link', { name: '退出', exact: true }).click()
    await second.waitForURL(/\/sd\/login/)
    await page.waitForURL(/\/sd\/login/, { timeout: 10000 })
    await seeText(page, '考生登录')
    await screenshot(page, 'logged-out-elsewhere')
    // and stays out: the cookie is gone and the session revoked
    await page.goto('/sd/wizard/payment')
    await page.waitForURL(/\/sd\/login/)
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))
