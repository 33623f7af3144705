// 消息 desks of the operator console (OPS-3) in the browser, on the running stack (./baokao up):
// 1. 消息模板: `operator` (山东省教育招生考试院, bureau-admin) logs in through Keycloak's page, opens the SMS template
//    短信验证码, types a wording with a placeholder nobody fills and one without the code (the server's preview
//    refuses each in words), then a valid one, sees the preview with the sample values behind the bureau's
//    signature, saves it as a new version after a confirmation and finds it in the version history; the next
//    registration code SMS of the bureau reads the new wording. The test saves the previous wording back afterwards
//    (as one more version: versions are never deleted).
// 2. 失败消息: a real dead letter, made safely through the sandbox's failure control (the SMS gateway answers 503 to
//    every send, as in an outage; no production code has a test path): a registration code SMS is retried by
//    notification-service and dead-lettered; the gateway is healthy again, the administrator finds the letter among
//    every service's dead letters, replays it after a confirmation and sees it marked 已重新投递; the SMS arrives.
//    The auditor sees the same desk without the replay button.
// Screenshots: e2e/screenshots/console-messages-NN-*.png (1280 px).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { clearScreenshots, launch, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk, operatorToken } from './support/console.mjs'
import { GATEWAY, SANDBOX, awaitSmsWithCode, captchaAnswer, latestSmsId, newCandidate, sleep } from './support/stack.mjs'
import { button, formItem, seeText, waitForText } from './support/ui.mjs'

const SIGNATURE = '【山东省教育招生考试院】'
const TEMPLATES = `${GATEWAY}/sd/api/notifications/operations/templates/sms`
const DEAD_LETTERS = `${GATEWAY}/sd/api/notifications/operations/dead-letters`

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => {
  await sandboxSms({ failureRate: 0, latencyMs: 0 }).catch(() => {})
  await browser?.close()
})

async function json(response, what) {
  const text = await response.text()
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

async function api(url, token, what, options = {}) {
  return json(await fetch(url, {
    ...options,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...options.headers },
  }), what)
}

/** The sandbox SMS gateway's failure control (故障模拟): how it answers from now on. */
async function sandboxSms(behaviour) {
  await json(await fetch(`${SANDBOX}/sandbox/sms/api/behaviour`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(behaviour),
  }), 'sandbox SMS behaviour')
}

/** A registration code SMS to a phone nobody uses, requested at Shandong as the registration page does. */
async function requestRegistrationCode(phone) {
  const issued = await json(await fetch(`${GATEWAY}/sd/api/accounts/public/captchas`, { method: 'POST' }), 'captcha')
  const captcha = await captchaAnswer(issued.captchaId)
  await json(await fetch(`${GATEWAY}/sd/api/accounts/public/sms-codes/registration`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone, captchaId: issued.captchaId, captcha }),
  }), 'registration code')
}

/** A screenshot once the dialogs' and messages' animations are over. */
async function shoot(page, name) {
  await page.waitForTimeout(600)
  await screenshot(page, name)
}

/** Letters only: a marker that never reads as a 6-digit code to the tests that look for one. */
function marker() {
  return Array.from({ length: 6 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 24)]).join('')
}

async function verificationTemplate(token) {
  const listed = await api(`${TEMPLATES}?size=100`, token, 'SMS templates')
  return listed.items.find((t) => t.code === 'VERIFICATION_CODE')
}

test('an administrator words the code SMS with a live preview, saves a version, and the next SMS says it',
  () => photographFailure(browser, async () => {
    const token = await operatorToken('operator')
    const before = await verificationTemplate(token)
    const mark = marker()
    const wording = `您的验证码为{code}，{minutes}分钟内有效。请勿将验证码告诉他人（${mark}）。`
    try {
      const page = await consoleLogin(browser, 'operator')
      await openDesk(page, '消息模板')
      const row = page.getByRole('row').filter({ hasText: 'VERIFICATION_CODE' })
      await waitForText(row, '短信验证码')
      await screenshot(page, 'templates')

      await button(row, '编辑').click()
      const dialog = page.getByRole('dialog', { name: '编辑短信模板：短信验证码' })
      const text = dialog.getByLabel('短信内容')
      const preview = dialog.getByRole('region', { name: '预览' })
      await text.fill('您的验证码为{code}，{name}同学')
      await waitForText(preview, '无法识别的占位符{name}', 'the preview of an unknown placeholder')
      await text.fill('您的验证码{minutes}分钟内有效')
      await waitForText(preview, '缺少必需的占位符{code}（验证码）', 'the preview without the code')
      await shoot(page, 'template-refused')

      await text.fill(wording)
      await waitForText(preview, `${SIGNATURE}您的验证码为123456，5分钟内有效。请勿将验证码告诉他人（${mark}）。`,
        'the preview with the sample values')
      await dialog.getByLabel('修改说明（选填）').fill('浏览器测试：验证码短信加上标记')
      await shoot(page, 'template-preview')
      await button(dialog, '保存为新版本').click()
      const confirm = page.getByRole('dialog', { name: '确认保存' })
      await waitForText(confirm, `第${before.version + 1}版`)
      await button(confirm, '确认保存').click()
      await seeText(page, `已保存为第${before.version + 1}版`)
      await waitForText(row, `第${before.version + 1}版`, 'the new version in the list')
      await waitForText(row, mark, 'the new wording in the list')

      await button(row, '历史版本').click()
      const history = page.getByRole('dialog', { name: '历史版本：短信验证码' })
      const newest = history.getByRole('row').filter({ hasText: `第${before.version + 1}版` })
      await waitForText(newest, '当前')
      await waitForText(newest, '浏览器测试：验证码短信加上标记')
      await shoot(page, 'template-history')

      const saved = await verificationTemplate(token)
      assert.equal(saved.source, 'VERSION')
      assert.equal(saved.version, before.version + 1)
      assert.equal(saved.content, wording)

      // the next code SMS of the bureau reads the saved version
      const phone = newCandidate().phone
      const last = await latestSmsId(phone)
      await requestRegistrationCode(phone)
      const sms = await awaitSmsWithCode(phone, last)
      assert.match(sms.content, new RegExp(`^${SIGNATURE}您的验证码为\\d{6}，\\d+分钟内有效。请勿将验证码告诉他人（${mark}）。$`))
    } finally {
      // the wording before the test, saved back as the next version
      const now = await verificationTemplate(token)
      if (now.content !== before.content) {
        await api(`${TEMPLATES}/VERIFICATION_CODE/versions`, token, 'restore the wording', {
          method: 'POST',
          body: JSON.stringify({ content: before.content, baseVersion: now.version, note: '浏览器测试结束，恢复原内容' }),
        })
      }
    }
  }))

test('a dead SMS request is replayed from the console once the gateway is back, and the SMS arrives',
  () => photographFailure(browser, async () => {
    const token = await operatorToken('operator')
    const open = async () => (await api(`${DEAD_LETTERS}?status=open&size=100`, token, 'dead letters')).items
    const known = new Set((await open()).map((letter) => letter.id))
    const phone = newCandidate().phone
    const last = await latestSmsId(phone)

    // an outage of the SMS gateway: every send answers 503, the request is retried, then dead-lettered
    await sandboxSms({ failureRate: 1 })
    let dead
    try {
      await requestRegistrationCode(phone)
      for (let i = 0; i < 120 && !dead; i++) {
        dead = (await open()).find((letter) => !known.has(letter.id) && letter.eventType === 'SmsRequested')
        if (!dead) await sleep(500)
      }
    } finally {
      await sandboxSms({ failureRate: 0 })
    }
    assert.ok(dead, 'the SMS request was dead-lettered within a minute')
    assert.equal(dead.bureau, 'sd')
    assert.equal(dead.replayedAt, null)
    assert.ok(!JSON.stringify(dead).includes(phone), 'the desk never shows the phone')
    // the breaker around the gateway stays open 10 s after the outage: a replay before then would fail again
    await sleep(11000)

    const page = await consoleLogin(browser, 'operator')
    await openDesk(page, '失败消息')
    const row = page.getByRole('row').filter({ hasText: dead.eventId.slice(0, 8) })
    await waitForText(row, '通知服务', 'the dead letter in the table')
    await waitForText(row, 'SmsRequested')
    await waitForText(row, '待处理')
    await screenshot(page, 'dead-letters')

    await button(row, '重新投递').click()
    const confirm = page.getByRole('dialog', { name: '确认重新投递' })
    await waitForText(confirm, '请确认失败原因已经排除')
    await shoot(page, 'dead-letter-confirm')
    await button(confirm, '确认重新投递').click()
    await waitForText(row, '已重新投递', 'the replayed mark')
    assert.equal(await button(row, '重新投递').count(), 0, 'no second replay offered')
    await shoot(page, 'dead-letter-replayed')

    const sms = await awaitSmsWithCode(phone, last, 30000)
    assert.ok(sms.content.startsWith(SIGNATURE), 'the replayed SMS is the bureau\'s')
    const replayed = (await api(`${DEAD_LETTERS}?status=replayed&size=100`, token, 'replayed')).items
      .find((letter) => letter.id === dead.id)
    assert.ok(replayed?.replayedAt, 'the service marked it replayed')

    // the auditor reads the same desk, replays nothing
    const auditor = await consoleLogin(browser, 'auditor-sd')
    await openDesk(auditor, '失败消息')
    await formItem(auditor, '状态').locator('.el-select').click()
    await auditor.locator('.el-select-dropdown__item:visible').filter({ hasText: /^全部$/ }).click()
    const seen = auditor.getByRole('row').filter({ hasText: dead.eventId.slice(0, 8) })
    await waitForText(seen, '已重新投递', 'the replayed letter at the auditor')
    assert.equal(await auditor.getByRole('button', { name: '重新投递', exact: true }).count(), 0)
  }))
