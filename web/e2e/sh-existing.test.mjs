// 在籍考生 at 上海市教育考试院 (/sh/, seed 004 §1-§2) in the browser, on the running stack: candidates imported from a file
// through the operators' API (SST-3, ACC-9; an operator token from Keycloak, as the system tests get one) log in with
// the ID number or the 准考证号 and the initial password (the ID number's last 6 characters) and the image captcha,
// change the password and verify (or, none on file, bind) the phone, and land on 报名信息; 修改注册手机号 (ACC-8): the
// page, approval through the API, the SMS signed 【上海市教育考试院】, the state read later on the same page; 找回密码
// by e-mail (ACC-7), the code read from the sandbox's mail inbox, then a login with the new password. Desktop and
// phone sizes. Screenshots: e2e/screenshots/sh-existing-NN-*.png.
import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  PHONE, captchaIdOf, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import {
  GATEWAY, SANDBOX, awaitSmsCode, awaitSmsCooldown, checkDigit, latestSmsId, noteSmsCooldown, operatorToken, sleep,
} from './support/stack.mjs'
import { button, fillCaptcha, seeHeading, seeText, waitForText } from './support/ui.mjs'

const SIGNATURE = '【上海市教育考试院】'
const IMPORTS = `${GATEWAY}/sh/api/accounts/operations/existing-candidates/imports`
const HEADER = '证件类型,证件号码,姓名,准考证号,主考学校代码,专业代码,手机号,电子邮箱'
const PORTRAIT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'portrait.jpg')
const SHANGHAI_DISTRICTS = ['310101', '310104', '310105', '310106', '310115']

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/** A 在籍考生 nobody has imported yet: a Shanghai resident ID, a 12-digit 准考证号, a phone and an e-mail address. */
function existingCandidate(name) {
  const district = SHANGHAI_DISTRICTS[Math.floor(Math.random() * SHANGHAI_DISTRICTS.length)]
  const birth = new Date(Date.UTC(1985, 0, 1) + Math.floor(Math.random() * 15 * 365) * 86400000)
  const first17 = district + birth.toISOString().slice(0, 10).replaceAll('-', '')
    + String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const idNumber = first17 + checkDigit(first17)
  const digits = (n) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0')
  return {
    name, idNumber, admissionNumber: `01${digits(10)}`, phone: `139${digits(8)}`,
    email: `zhao${digits(8)}@example.com`, initialPassword: idNumber.slice(-6),
  }
}

async function json(response, what) {
  const text = await response.text()
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/**
 * Imports `rows` (CSV lines after the header) as an operator of Shanghai would: the file through the API at
 * /sh/api/..., then the job's progress until it is done; answers the finished job.
 */
async function importExisting(rows) {
  const token = await operatorToken()
  const form = new FormData()
  form.append('file', new Blob([`${HEADER}\n${rows.join('\n')}\n`], { type: 'text/csv' }), '在籍考生.csv')
  const accepted = await json(await fetch(IMPORTS, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form,
  }), '在籍考生 upload')
  assert.equal(accepted.bureau, 'sh')
  for (let i = 0; i < 600; i++) {
    const progress = await json(await fetch(`${IMPORTS}/${accepted.importId}`, {
      headers: { Authorization: `Bearer ${token}` },
    }), '在籍考生 import')
    if (progress.status === 'DONE') return progress
    if (progress.status === 'FAILED') throw new Error(`在籍考生 import failed: ${JSON.stringify(progress)}`)
    await sleep(200)
  }
  throw new Error('在籍考生 import not done in 2 minutes')
}

/** One row per 主考学校 + 专业 held (those of the demo sitting SH-ZK-2026-10). */
function rowsOf(candidate, { phone = candidate.phone, email = '' } = {}) {
  return [
    `居民身份证,${candidate.idNumber},${candidate.name},${candidate.admissionNumber},10246,B050301,${phone},${email}`,
    `居民身份证,${candidate.idNumber},${candidate.name},${candidate.admissionNumber},10248,B120201,,`,
  ]
}

/** Waits for an SMS to `phone` newer than `afterId` whose text matches `pattern`; answers its text. */
async function awaitSms(phone, afterId, pattern, patienceMs = 30000) {
  const until = Date.now() + patienceMs
  while (Date.now() < until) {
    const response = await fetch(`${SANDBOX}/sandbox/sms/api/messages/latest?phone=${phone}`)
    if (response.ok) {
      const message = await response.json()
      if (message.messageId !== afterId && pattern.test(message.content)) return message.content
    }
    await sleep(250)
  }
  throw new Error(`no SMS matching ${pattern} to ${phone} within ${patienceMs} ms`)
}

/** The sandbox mail server's last mail to `to` that arrived since `sinceEpochMs` (it waits for one). */
async function awaitMail(to, sinceEpochMs) {
  return json(await fetch(`${SANDBOX}/sandbox/mail/api/messages/latest?to=${encodeURIComponent(to)}`
    + `&sinceEpochMs=${sinceEpochMs}&waitMs=30000`), `the mail to ${to}`)
}

/**
 * Presses 获取验证码 (once the phone's cooldown for this code is over, ACC-6) and answers the response of the code request `path`,
 * which must be a 2xx; notes the cooldown it announces.
 */
async function pressGetCode(page, phone, path, action = () => button(page, '获取验证码').click()) {
  await awaitSmsCooldown(phone, path)
  const [sent] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(path) && r.request().method() === 'POST'),
    action(),
  ])
  assert.ok(sent.ok(), `获取验证码: ${sent.status()} ${await sent.text().catch(() => '')}`)
  noteSmsCooldown(phone, path, (await sent.json()).resendAfterSeconds)
  return sent
}

/** Logs in on /sh/login with `name` (证件号码 or 准考证号) and `password`; answers the login's response. */
async function logIn(page, name, password) {
  const captchaId = await captchaIdOf(page, () => page.goto('/sh/login'))
  await seeHeading(page, '考生登录')
  await page.getByLabel('证件号码/准考证号').fill(name)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await fillCaptcha(page, captchaId)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/sh/api/accounts/public/logins')),
    button(page, '登录').click(),
  ])
  assert.ok(response.ok(), `login: ${response.status()} ${await response.text().catch(() => '')}`)
  return response.json()
}

/** 首次登录, step 1: the initial password replaced by `password` (Shanghai: 6-16 characters). */
async function changeInitialPassword(page, candidate, password) {
  await page.waitForURL(/\/sh\/first-login/)
  await seeHeading(page, '首次登录')
  await seeText(page, '首次登录须先修改初始密码')
  await page.getByLabel('原密码').fill(candidate.initialPassword)
  await page.getByLabel('新密码').fill(password)
  await page.getByLabel('确认密码').fill(password)
  await button(page, '确认修改').click()
  await seeText(page, '密码已修改')
}

/** The candidate's start page at Shanghai: 报名信息 (/sh/home, the home page of engineer D's part). */
async function expectHome(page) {
  await page.waitForURL(/\/sh\/home$/)
  await seeHeading(page, '报名信息')
}

test('a 在籍考生 imported from a file logs in with the initial password, changes it, verifies the phone, lands on 报名信息',
  { timeout: 3 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = existingCandidate('沈一')
    const imported = await importExisting(rowsOf(candidate))
    assert.equal(imported.inserted, 2, 'one account holding two 主考学校')

    const page = await newPage(browser)
    const answer = await logIn(page, candidate.idNumber, candidate.initialPassword)
    assert.equal(answer.mustChangePassword, true)
    assert.equal(answer.mustVerifyPhone, true)
    await checkPage(page)
    await screenshot(page, 'first-login-password')

    await changeInitialPassword(page, candidate, 'Xin2026ab')
    const masked = `${candidate.phone.slice(0, 3)}****${candidate.phone.slice(7)}`
    await waitForText(page.getByTestId('masked-phone'), masked, 'the phone on file, masked')
    const before = await latestSmsId(candidate.phone)
    await pressGetCode(page, candidate.phone, '/api/accounts/me/phone-verification/code')
    await seeText(page, `短信验证码已发送至${masked}`)
    const sms = await awaitSms(candidate.phone, before, /(?<!\d)\d{6}(?!\d)/)
    assert.ok(sms.startsWith(SIGNATURE), `signed by Shanghai: ${sms}`)
    await page.getByLabel('短信验证码').fill(sms.match(/(?<!\d)(\d{6})(?!\d)/)[1])
    await checkPage(page)
    await screenshot(page, 'first-login-phone')
    await button(page, '确认').click()

    await expectHome(page)
    await screenshot(page, 'home')

    // from now on the new password, by 准考证号 too, and no first login any more
    const again = await newPage(browser)
    const second = await logIn(again, candidate.admissionNumber, 'Xin2026ab')
    assert.equal(second.mustChangePassword, false)
    assert.equal(second.mustVerifyPhone, false)
    await again.context().close()
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))

test('on a phone: a 在籍考生 without a phone on file logs in by 准考证号 and binds the phone at first login',
  { timeout: 3 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = existingCandidate('邹二')
    await importExisting(rowsOf(candidate, { phone: '' }))

    const page = await newPage(browser, PHONE)
    await logIn(page, candidate.admissionNumber, candidate.initialPassword)
    await changeInitialPassword(page, candidate, 'xinmima66')
    await seeText(page, '您的账号尚未绑定手机号')
    await page.getByLabel('绑定手机号').fill(candidate.phone)
    await expectLabelled(page)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'phone-bind')
    const before = await latestSmsId(candidate.phone)
    await pressGetCode(page, candidate.phone, '/api/accounts/me/phone-verification/code')
    await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, before))
    await button(page, '确认').click()
    await expectHome(page)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'phone-home')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))

test('修改注册手机号: proofs and the new phone on the page, approval through the API, the SMS of Shanghai, the state later',
  { timeout: 3 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = existingCandidate('秦三')
    await importExisting(rowsOf(candidate))
    const newPhone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

    const page = await newPage(browser)
    await page.goto('/sh/login')
    await page.getByRole('link', { name: '修改注册手机号' }).click()
    await page.waitForURL(/\/sh\/change-phone$/)
    await seeHeading(page, '修改注册手机号')
    await checkPage(page)
    await screenshot(page, 'change-phone-empty')

    // who asks (the 准考证号 and the password), then the three proofs; the new phone appears once they are chosen
    await page.getByLabel('证件号码/准考证号').fill(candidate.admissionNumber)
    await page.getByLabel('密码', { exact: true }).fill(candidate.initialPassword)
    assert.equal(await page.getByLabel('新手机号').count(), 0, 'the new phone comes after the proofs')
    for (const proof of ['身份证人像面照片', '身份证国徽面照片']) {
      await page.getByLabel(proof, { exact: true }).setInputFiles(PORTRAIT)
    }
    let captchaId = await captchaIdOf(page,
      () => page.getByLabel('手持身份证照片', { exact: true }).setInputFiles(PORTRAIT))
    await page.getByLabel('新手机号').fill(newPhone)
    await fillCaptcha(page, captchaId)
    const noSmsYet = await latestSmsId(newPhone)
    captchaId = await captchaIdOf(page,
      () => pressGetCode(page, newPhone, '/api/accounts/public/phone-change/code'))
    const code = await awaitSms(newPhone, noSmsYet, /(?<!\d)\d{6}(?!\d)/)
    assert.ok(code.startsWith(SIGNATURE), `the code comes from Shanghai: ${code}`)
    await page.getByLabel('短信验证码').fill(code.match(/(?<!\d)(\d{6})(?!\d)/)[1])
    await fillCaptcha(page, captchaId)
    await checkPage(page)
    await screenshot(page, 'change-phone-filled')
    const [filed] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/accounts/public/phone-change-requests')
        && r.request().method() === 'POST'),
      button(page, '提交审核').click(),
    ])
    assert.equal(filed.status(), 201, await filed.text())
    const { requestId } = await filed.json()
    const request = page.getByTestId('phone-change-request')
    await waitForText(request, '审核中', 'the state after 提交审核')
    await waitForText(request, `${newPhone.slice(0, 3)}****${newPhone.slice(7)}`, 'the new phone, masked')
    await screenshot(page, 'change-phone-filed')

    // an operator approves through the API; the candidate hears it on the new phone, from Shanghai
    const lastCode = await latestSmsId(newPhone)
    const operator = { Authorization: `Bearer ${await operatorToken()}` }
    await json(await fetch(`${GATEWAY}/sh/api/accounts/operations/phone-change-requests/${requestId}/claim`, {
      method: 'POST', headers: operator,
    }), 'the claim (OPS-3: a request is decided by the operator who claimed it)')
    const approved = await json(await fetch(`${GATEWAY}/sh/api/accounts/operations/phone-change-requests/${requestId}/approve`, {
      method: 'POST', headers: operator,
    }), 'approval')
    assert.equal(approved.status, 'APPROVED')
    const told = await awaitSms(newPhone, lastCode, /已变更/)
    assert.ok(told.startsWith(SIGNATURE), `signed 【上海市教育考试院】: ${told}`)
    assert.ok(told.includes(`${newPhone.slice(0, 3)}****${newPhone.slice(7)}`), told)

    // later, on the same page: 查询审核状态 says 已通过
    const later = await newPage(browser, PHONE)
    await later.goto('/sh/change-phone')
    await seeHeading(later, '修改注册手机号')
    captchaId = await captchaIdOf(later, () => later.getByText('查询审核状态', { exact: true }).click())
    await later.getByLabel('证件号码/准考证号').fill(candidate.idNumber)
    await later.getByLabel('密码', { exact: true }).fill(candidate.initialPassword)
    await fillCaptcha(later, captchaId)
    await button(later, '查询').click()
    await waitForText(later.getByTestId('phone-change-request'), '已通过', 'the state read later')
    await expectLabelled(later)
    await expectNoHorizontalScroll(later)
    await screenshot(later, 'change-phone-approved-phone')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await later.context().close()
    await page.context().close()
  }))

test('找回密码 by e-mail: the masked address, the code from the sandbox mail inbox, a login with the new password',
  { timeout: 3 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = existingCandidate('尤四')
    await importExisting(rowsOf(candidate, { phone: '', email: candidate.email }))

    const page = await newPage(browser)
    let captchaId = await captchaIdOf(page, () => page.goto('/sh/login')) // the login page's own, before the next
    captchaId = await captchaIdOf(page, () => page.getByRole('link', { name: '忘记密码？' }).click())
    await page.waitForURL(/\/sh\/forgot-password$/)
    await seeHeading(page, '忘记密码')
    await page.getByLabel('证件号码').fill(candidate.idNumber)
    await fillCaptcha(page, captchaId)
    captchaId = await captchaIdOf(page, () => button(page, '下一步').click())

    // no phone on file: 通过手机找回 cannot be chosen, 通过邮箱找回 is
    await waitForText(page.getByTestId('masked-email'), 'z***@example.com', 'the address, masked')
    assert.ok(await page.getByRole('radio', { name: '通过手机找回' }).isDisabled(), 'no phone on file')
    assert.ok(await page.getByRole('radio', { name: '通过邮箱找回' }).isChecked(), 'the e-mail way is chosen')
    await checkPage(page)
    await screenshot(page, 'forgot-by-email')
    await fillCaptcha(page, captchaId)
    const askedAt = Date.now()
    const [mailed, nextCaptcha] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/accounts/public/email-codes/password-reset')),
      captchaIdOf(page, () => button(page, '获取验证码').click()),
    ])
    assert.equal(mailed.status(), 202, await mailed.text())
    assert.ok(!(await mailed.text()).includes(candidate.email), 'the answer shows the address masked only')
    await seeText(page, '验证码已发送至邮箱z***@example.com')
    const mail = await awaitMail(candidate.email, askedAt)
    assert.match(mail.subject, /上海市教育考试院/)
    assert.match(mail.from, /上海市教育考试院/)
    const code = mail.body.match(/(?<!\d)(\d{6})(?!\d)/)[1]
    assert.ok(!(await mailed.text()).includes(code), 'the code is only in the mail')

    await page.getByLabel('邮箱验证码').fill(code)
    await fillCaptcha(page, nextCaptcha)
    await page.getByLabel('登录密码').fill('youxiang2026')
    await page.getByLabel('确认密码').fill('youxiang2026')
    await screenshot(page, 'forgot-by-email-filled')
    await button(page, '确认').click()
    await page.waitForURL(/\/sh\/login/)
    await seeText(page, '密码重置成功，请使用新密码登录')

    // the sandbox's mail inbox shows the mail
    const inbox = await newPage(browser, PHONE)
    await inbox.goto(`${SANDBOX}/sandbox/mail?to=${encodeURIComponent(candidate.email)}`)
    await seeText(inbox, code)
    await screenshot(inbox, 'sandbox-mail-inbox')
    await inbox.context().close()

    // the new password logs in; only the phone is left of the first login (none on file: bound here)
    const answer = await logIn(page, candidate.idNumber, 'youxiang2026')
    assert.equal(answer.mustChangePassword, false, 'the new password replaced the initial one')
    assert.equal(answer.mustVerifyPhone, true)
    await page.waitForURL(/\/sh\/first-login/)
    await seeText(page, '您的账号尚未绑定手机号')
    await screenshot(page, 'forgot-then-first-login')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))
