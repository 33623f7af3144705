// Webhook 投递 (API-2, OPS-3) in the operator console, on the running stack (./baokao up): partner-demo (江苏省教育考试院,
// bureau sd, scope partner.webhooks) registers an endpoint through the partner API — the sandbox playing that partner
// (`/sandbox/partner/NAME/webhook`, http on localhost: the local profile allows it) — and the sandbox is told the secret
// and to be `down` (every connection closed without an answer). A demo candidate enrolls through the API up to 确认报名
// (a real EnrollmentConfirmed), whose delivery fails four times on the local profile's short schedule (2 s, 5 s, 10 s)
// and is dead. The sandbox endpoint is back up; the administrator `operator` finds the delivery on Webhook 投递 marked
// 已停止重试 with its attempts, redelivers it with a reason after a confirmation and sees it 已送达; the sandbox received it
// once, its signature valid; the redelivery is in the audit trail. The auditor sees the desk without the button.
// Screenshots: e2e/screenshots/console-webhooks-NN-*.png (1280 px).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { clearScreenshots, expectLabelled, launch, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk, operatorToken } from './support/console.mjs'
import { confirmedEnrollment } from './support/enrollment-api.mjs'
import { GATEWAY, KEYCLOAK, SANDBOX } from './support/stack.mjs'
import { button, until, waitForText } from './support/ui.mjs'

const HOOKS = `${GATEWAY}/open-api/v1/webhooks`
const REASON = '合作方接口已恢复，重新投递'

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

async function json(response, what) {
  const text = await response.text()
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** partner-demo's client-credentials token from Keycloak, as a partner bureau's system gets it. */
async function partnerToken() {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'partner-demo',
    client_secret: 'partner-demo-secret' })
  return (await json(await fetch(`${KEYCLOAK}/realms/baokao/protocol/openid-connect/token`, { method: 'POST', body }),
    'partner token')).access_token
}

async function partnerApi(token, url, what, options = {}) {
  return json(await fetch(url, {
    ...options, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...options.headers },
  }), what)
}

/** The sandbox partner's endpoint: its secret and how it behaves (ok, slow, failing, down). */
async function sandboxPartner(name, settings) {
  return json(await fetch(`${SANDBOX}/sandbox/partner/${name}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings),
  }), 'sandbox partner')
}

/** A new demo candidate's enrollment in the demo exam, confirmed through the API: EnrollmentConfirmed is published. */
async function confirmedEnrollmentId() {
  return (await confirmedEnrollment('接口考生甲', {
    mailingAddress: '山东省济南市历下区解放路1号', postcode: '250014', email: 'jiekou@example.com',
  })).enrollmentId
}

test('an administrator redelivers a dead webhook delivery once the partner endpoint is back, and it is delivered',
  { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const partner = await partnerToken()
    const name = `e2e-${Math.random().toString(36).slice(2, 10)}`
    const hook = await partnerApi(partner, HOOKS, 'register the endpoint', {
      method: 'POST',
      body: JSON.stringify({ url: `${SANDBOX}/sandbox/partner/${name}/webhook`, events: ['enrollment.confirmed'] }),
    })
    try {
      assert.match(hook.secret, /^whsec_/)
      await sandboxPartner(name, { secret: hook.secret, mode: 'down' })

      const enrollmentId = await confirmedEnrollmentId()
      // four tries on the local schedule, then dead; the partner's own list says so
      const dead = await until(async () => {
        const page = await partnerApi(partner, `${HOOKS}/deliveries?status=dead&limit=100`, 'dead deliveries')
        return page.items.find((d) => d.subscriptionId === hook.id && d.payload.data.enrollmentReference === enrollmentId)
      }, (found) => !!found, 'the delivery dead after its last try', 90000)
      assert.equal(dead.eventType, 'enrollment.confirmed')
      assert.equal(dead.attemptCount, 4)
      assert.equal(dead.attempts.length, 4)
      assert.ok(dead.attempts.every((a) => a.statusCode === null && !a.succeeded), 'no answer to any try')
      assert.ok(!JSON.stringify(dead.payload).includes('接口考生甲'), 'no name in the payload')
      assert.deepEqual(await (await fetch(`${SANDBOX}/sandbox/partner/${name}/received`)).json(), [],
        'a down endpoint received nothing')

      // the partner's endpoint is back
      await sandboxPartner(name, { mode: 'ok' })

      // the auditor reads the desk, without the button
      const auditor = await consoleLogin(browser, 'auditor-sd')
      await openDesk(auditor, 'Webhook 投递')
      const seen = auditor.getByRole('row').filter({ hasText: dead.id.slice(0, 8) })
      await waitForText(seen, '已停止重试', 'the dead delivery at the auditor')
      assert.equal(await auditor.getByRole('button', { name: '重新投递', exact: true }).count(), 0)

      const page = await consoleLogin(browser, 'operator')
      await openDesk(page, 'Webhook 投递')
      const row = page.getByRole('row').filter({ hasText: dead.id.slice(0, 8) })
      await waitForText(row, '江苏省教育考试院', 'the dead delivery in the table')
      await waitForText(row, '报名已确认')
      await waitForText(row, '4 次')
      await waitForText(row, '未收到应答')
      await waitForText(row, '已停止重试')
      await expectLabelled(page)
      await screenshot(page, 'dead')

      // its attempts, one under the other
      await row.locator('.el-table__expand-icon').first().click()
      const attempts = page.locator('.hook-attempts').filter({ hasText: dead.id })
      await until(() => attempts.locator('.el-table__body .el-table__row').filter({ hasText: '失败' }).count(),
        (n) => n === 4, 'four failed attempts shown')
      await waitForText(attempts, '无应答')
      await page.waitForTimeout(400)
      await screenshot(page, 'attempts')
      await row.locator('.el-table__expand-icon').first().click()

      await button(row, '重新投递').click()
      const confirm = page.getByRole('dialog', { name: '确认重新投递' })
      await waitForText(confirm, '请确认合作方接口已经恢复')
      await confirm.getByLabel('操作原因（选填）').fill(REASON)
      await page.waitForTimeout(400)
      await screenshot(page, 'confirm')
      await button(confirm, '确认重新投递').click()
      await waitForText(page.locator('.el-message'), '已重新投递')
      // the page asks again by itself a moment later; 刷新 until the worker's answer shows
      await until(async () => {
        if (await row.filter({ hasText: '已送达' }).count()) return true
        await button(page, '刷新').click()
        await page.waitForTimeout(700)
        return (await row.filter({ hasText: '已送达' }).count()) > 0
      }, (done) => done, 'the delivery shown as delivered', 30000)
      await waitForText(row, '5 次')
      await page.locator('.el-message').waitFor({ state: 'detached' }).catch(() => {})
      await screenshot(page, 'delivered')

      // the sandbox partner got it once, signed with the secret it was given
      const received = await (await fetch(`${SANDBOX}/sandbox/partner/${name}/received`)).json()
      assert.equal(received.length, 1)
      assert.equal(received[0].deliveryId, dead.id)
      assert.equal(received[0].eventId, dead.eventId)
      assert.equal(received[0].signatureValid, true)
      assert.equal(JSON.parse(received[0].body).data.enrollmentReference, enrollmentId)

      // audited with the reason, in the bureau's trail (account-service keeps it from the event)
      const admin = await operatorToken('operator')
      const audited = await until(async () => (await json(await fetch(
        `${GATEWAY}/sd/api/accounts/operations/audit?action=webhook-delivery.redeliver&subjectId=${dead.id}`,
        { headers: { Authorization: `Bearer ${admin}` } }), 'audit trail')).items,
      (items) => items.length === 1, 'the redelivery in the audit trail', 30000)
      assert.equal(audited[0].reason, REASON)
      assert.equal(audited[0].operatorUsername, 'operator')
    } finally {
      await fetch(`${HOOKS}/${hook.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${partner}` } })
        .catch(() => {})
    }
  }))
