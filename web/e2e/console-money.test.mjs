// The finance desks of the operator console (OPS-3) in the browser, on the running stack (./baokao up): a demo
// candidate enrolls and pays at the sandbox bank through the API (the wizard's own browser test is journey.test.mjs);
// then finance-sd logs in through Keycloak's page, finds the order in 订单管理, reads its bank history, refunds it
// with a reason and sees it refunded; in 对账 she uploads the bank's statement of the day with that payment's amount
// altered (as a bank's wrong file would be), sees the discrepancy and resolves it with a note. Screenshots at 1280 px
// (e2e/screenshots/console-money-NN-*.png).
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { clearScreenshots, expectLabelled, launch, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk, operatorToken } from './support/console.mjs'
import { confirmedEnrollment, ok } from './support/enrollment-api.mjs'
import { GATEWAY, SANDBOX, sleep } from './support/stack.mjs'
import { button, formItem, seeHeading, seeText, untilCount, waitForText } from './support/ui.mjs'

const REASON = '考生申请退考，经审批同意退费'
const NOTE = '已与光大银行核实：对账单金额有误，实收230.00元'

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

test('finance-sd refunds a paid order with a reason and resolves a discrepancy with a note',
  { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const order = await paidOrder()
    const orderNo = order.id.replaceAll('-', '')

    // the desk's roles hold at the API too: an auditor reads but neither queries the bank nor refunds
    const auditor = await operatorToken('auditor-sd')
    assert.equal((await call(`/sd/api/payments/operations/orders/${order.id}`, auditor)).status, 200)
    assert.equal((await call(`/sd/api/payments/operations/orders/${order.id}/requery`, auditor, {})).status, 403)
    assert.equal((await call(`/sd/api/payments/operations/orders/${order.id}/refund`, auditor,
      { reason: REASON })).status, 403)

    // 订单管理: finance-sd finds the order by its number
    const page = await consoleLogin(browser, 'finance-sd')
    await openDesk(page, '订单管理')
    await page.getByLabel('订单号', { exact: true }).fill(orderNo)
    await button(page, '查询').click()
    await waitForText(page.locator('.el-table__row'), '已缴费', 'the order in the list')
    // the desk showed every order before 查询 answered: wait for the filtered list
    await untilCount(page.locator('.el-table__body .el-table__row'), 1, 'one order has this number')
    await page.locator('.el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
    await expectLabelled(page)
    await screenshot(page, 'orders-list')

    // the order, its items and its bank history
    await page.locator('.el-table__row').first().getByRole('button', { name: '查看' }).click()
    await page.waitForURL(new RegExp(`/console/orders/${order.id}$`))
    await seeText(page, `订单 ${orderNo}`)
    await seeHeading(page, '银行记录')
    const history = page.locator('.order-history')
    await waitForText(history, '订单创建', 'the bank history')
    await waitForText(history, '提交银行', 'the bank history')
    await waitForText(history, '收到银行支付通知', 'the bank history')
    await waitForText(history, order.bankTradeNo, 'the bank history names the trade')
    await seeText(page, '230.00 元')

    // 重新查询银行: the bank says paid, already recorded
    await button(page, '重新查询银行').click()
    await waitForText(history, '工作人员查询银行', 'the query in the history')
    await waitForText(history, '此前已记账', 'what the query found')
    await settled(page)
    await screenshot(page, 'order-bank-history')

    // 退款: a reason, then a second confirmation
    await button(page, '退款').click()
    const dialog = page.getByRole('dialog', { name: '退款', exact: true })
    await button(dialog, '确认退款').click()
    // (formItem looks from the page: its inner locator is the page's)
    await waitForText(formItem(page, '退款原因').locator('.el-form-item__error'), '请填写退款原因', 'the missing reason')
    await dialog.getByLabel('退款原因').fill(REASON)
    await screenshot(page, 'order-refund-reason')
    await button(dialog, '确认退款').click()
    const confirm = page.getByRole('dialog', { name: '确认退款' })
    await waitForText(confirm, '确定退还 230.00 元', 'the confirmation')
    await button(confirm, '确定退款').click()
    await waitForText(page.getByLabel('订单状态'), '已退款', 'the order refunded')
    const refunds = page.getByRole('table', { name: '退款记录' }).or(page.locator('[aria-label="退款记录"]'))
    await waitForText(refunds.first(), REASON, 'the refund with its reason')
    await waitForText(refunds.first(), '已退款', 'the bank refunded')
    await waitForText(history, '银行已退款', 'the refund in the history')
    await settled(page)
    await screenshot(page, 'order-refunded')

    // the sandbox bank refunded it
    const atBank = await (await fetch(`${SANDBOX}/sandbox/bank/CEB/api/orders/${orderNo}`)).json()
    assert.equal(Number(atBank.refundedFen), 23000, 'refunded at the bank')

    // 对账: the bank's statement of the day with this payment's amount altered
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    const statement = await (await fetch(`${SANDBOX}/sandbox/bank/CEB/statements/${today}`)).text()
    const line = statement.split('\n').find((l) => l.startsWith(`PAY,${order.bankTradeNo},`))
    assert.ok(line, `the statement lists the payment: ${statement}`)
    const wrong = statement.replace(line, line.replace(',23000,', ',22000,'))
    const file = join(mkdtempSync(join(tmpdir(), 'baokao-statement-')), `CEB-${today}.csv`)
    writeFileSync(file, wrong)

    await openDesk(page, '对账')
    await choose(page, '支付渠道', '中国光大银行')
    const dateInput = formItem(page, '对账日期').locator('input')
    await dateInput.fill(today)
    await dateInput.press('Enter')
    await page.getByRole('heading', { name: '对账', exact: true }).click()
    await page.locator('input[type=file][aria-label="对账文件"]').setInputFiles(file)
    await button(page, '上传对账单').click()
    await button(page.getByRole('dialog', { name: '上传对账单' }), '上传并核对').click()
    await waitForText(page.locator('.el-alert'), '对账完成', 'the result of the upload')
    const rows = page.locator('.el-table__row').filter({ hasText: order.bankTradeNo })
    await waitForText(rows, '金额不一致', 'the discrepancy')
    await waitForText(rows, '220.00', 'the bank amount')
    await expectLabelled(page)
    await settled(page)
    await screenshot(page, 'reconciliation-discrepancy')

    // 处理 with a note
    await rows.first().getByRole('button', { name: '处理' }).click()
    const resolve = page.getByRole('dialog', { name: '处理对账差异' })
    await resolve.getByLabel('处理说明').fill(NOTE)
    await screenshot(page, 'reconciliation-resolve')
    await button(resolve, '确认处理').click()
    // resolved: gone from 待处理
    await page.locator('.el-table__row').filter({ hasText: order.bankTradeNo }).first().waitFor({ state: 'hidden' })
    await choose(page, '处理状态', '全部')
    await waitForText(page.locator('.el-table__row').filter({ hasText: order.bankTradeNo }), NOTE, 'the note')
    await settled(page)
    await screenshot(page, 'reconciliation-resolved')

    // the API agrees: resolved, by finance-sd
    const finance = await operatorToken('finance-sd')
    const all = await (await call('/sd/api/payments/operations/discrepancies?status=ALL&size=100', finance)).json()
    const resolved = all.items.find((d) => d.bankTradeNo === order.bankTradeNo)
    assert.equal(resolved.status, 'RESOLVED')
    assert.equal(resolved.resolution, NOTE)
    await page.context().close()
  }))

/** Before a photograph: dialogs closed, messages faded, nothing loading. */
async function settled(page) {
  for (const selector of ['.el-overlay:visible', '.el-message', '.el-loading-mask:visible']) {
    await page.locator(selector).first().waitFor({ state: 'hidden', timeout: 8000 }).catch(() => {})
  }
}

/** An Element Plus select by its form label (the console's selects sit in labelled form items). */
async function choose(page, label, option) {
  await formItem(page, label).locator('.el-select').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

async function call(path, token, body) {
  return fetch(`${GATEWAY}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/**
 * A demo candidate on the roster enrolls through the API (the steps of the wizard, as the system tests do) and pays
 * at the sandbox bank (济南 → 中国光大银行); answers the paid order.
 */
async function paidOrder() {
  const { enrollmentId, api } = await confirmedEnrollment('财务考生甲', {
    mailingAddress: '山东省菏泽市牡丹区中华路1号', postcode: '274000', email: 'caiwu@example.com',
  })
  const enrollment = { id: enrollmentId }
  let order
  for (let i = 0; i < 100 && !order; i++) {
    order = (await ok(await api(`/api/payments/orders?enrollmentId=${enrollment.id}`), 'orders'))[0]
    if (!order) await sleep(300)
  }
  assert.ok(order, 'payment-service opened the order')
  await ok(await api(`/api/payments/orders/${order.id}/pay`, 'POST', undefined,
    { 'Idempotency-Key': `console-money-${order.id}` }), '去缴费')
  await ok(await fetch(`${SANDBOX}/sandbox/bank/CEB/test/orders/${order.id.replaceAll('-', '')}/pay`,
    { method: 'POST' }), 'paid at the sandbox bank')
  for (let i = 0; i < 100; i++) {
    order = await ok(await api(`/api/payments/orders/${order.id}`), 'order')
    if (order.status === 'PAID') return order
    await sleep(300)
  }
  assert.fail(`the order was not paid: ${JSON.stringify(order)}`)
}
