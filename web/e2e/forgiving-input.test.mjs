// Forgiving input (issue 22 item 5) in the browser, on the running stack (./baokao up): a Shandong candidate (BUR-1)
// types the ID number as a Chinese input method and a copied document give it — full-width digits, blanks between
// the groups, a lower-case x — and the phone in full-width digits. ACC-1/ACC-2: the number is still checked (18
// characters, GB 11643 check digit), but at the field while typing and before any captcha or SMS is spent; what can
// only mean one thing is fixed, and the field shows the number as the server takes it. The server itself stays
// strict (account-service IdNumberText refuses full-width and lower case): the page sends the normalised number.
// On a desktop and on a 375 px phone; screenshots e2e/screenshots/forgiving-input-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  DESKTOP, PHONE, captchaIdOf, checkPage, clearScreenshots, launch, newPage, photographFailure, screenshot,
} from './support/browser.mjs'
import { awaitSmsCode, checkDigit, latestSmsId, newCandidate, putOnRoster } from './support/stack.mjs'
import {
  button, expectFieldError, fillCaptcha, formItem, pressGetCode, submitOk, tick,
} from './support/ui.mjs'

/** A fresh candidate whose ID number ends in X (the character a candidate types as a lower-case x). */
function candidateEndingInX(password) {
  for (;;) {
    const candidate = newCandidate(password)
    if (candidate.idNumber.endsWith('X')) return candidate
  }
}

/** ０-９ and Ａ-Ｚ: the digits and letters a Chinese input method in full-width mode types. */
function fullWidth(text) {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xFEE0))
}

/** 370102 19900101 123X typed with full-width digits, blanks between the groups and the X in lower case. */
function messyId(idNumber) {
  return `${fullWidth(idNumber.slice(0, 6))} ${idNumber.slice(6, 14)} ${fullWidth(idNumber.slice(14, 17))}${idNumber[17].toLowerCase()}`
}

/** The same number with a check digit that cannot be right (the right one is X). */
function wrongCheckDigit(idNumber) {
  assert.equal(checkDigit(idNumber.slice(0, 17)), 'X')
  return idNumber.slice(0, 17) + '5'
}

/** 138 0013 8000 in full-width digits, with an ideographic space. */
function messyPhone(phone) {
  return `${fullWidth(phone.slice(0, 3))}\u3000${fullWidth(phone.slice(3, 7))} ${phone.slice(7)}`
}

/** The requests a page sent that spend a captcha or an SMS: the captchas it loaded and its SMS code requests. */
function watchSpending(page) {
  const seen = { captchas: 0, smsRequests: [] }
  page.on('request', (request) => {
    if (request.method() !== 'POST') return
    if (request.url().includes('/api/accounts/public/captchas')) seen.captchas += 1
    if (request.url().includes('/api/accounts/public/sms-codes/')) seen.smsRequests.push(request.url())
  })
  return seen
}

function idError(page) {
  return formItem(page, '证件号码').locator('.el-form-item__error')
}

let browser
const onDesktop = candidateEndingInX('Forgive@2026a')
const onPhone = candidateEndingInX('Forgive@2026b')

before(async () => {
  clearScreenshots()
  browser = await launch()
  await putOnRoster([onDesktop, onPhone], (i) => ['宽容考生甲', '宽容考生乙'][i])
})
after(async () => browser?.close())

async function registerAndLogIn(candidate, device, label) {
  const page = await newPage(browser, device)
  const spending = watchSpending(page)
  const idField = page.getByLabel('证件号码')

  // 1.1 考生注册. A wrong check digit, typed key by key: nothing is said during the first 17 characters, the 18th
  // brings the message at the field (ACC-2), before the field is left
  let captchaId = await captchaIdOf(page, () => page.goto('/sd/register'))
  await idField.waitFor()
  const wrong = messyId(wrongCheckDigit(candidate.idNumber))
  await idField.pressSequentially(wrong.slice(0, -1))
  await page.waitForTimeout(300)
  assert.equal(await idError(page).count(), 0, 'an incomplete number is not called wrong while it is typed')
  await idField.pressSequentially(wrong.slice(-1))
  await expectFieldError(page, '证件号码', '证件号码校验位不正确，请核对')
  assert.ok(await idField.evaluate((input) => input === document.activeElement), 'flagged while still typing')

  // 获取验证码 with that number: no SMS is asked for and the captcha is not spent (no new one loaded)
  await page.getByLabel('绑定手机号').fill(messyPhone(candidate.phone))
  await fillCaptcha(page, captchaId)
  const captchasBefore = spending.captchas
  await button(page, '获取验证码').click()
  await page.waitForTimeout(1500)
  await expectFieldError(page, '证件号码', '证件号码校验位不正确，请核对')
  assert.deepEqual(spending.smsRequests, [], 'no SMS code was asked for with a wrong ID number')
  assert.equal(spending.captchas, captchasBefore, 'the captcha was not spent')
  assert.equal(await latestSmsId(candidate.phone), null, 'the sandbox received no SMS for the phone')
  await button(page, '获取验证码').waitFor() // no countdown started
  await checkPage(page)
  await screenshot(page, `${label}-register-check-digit-flagged`)

  // the right number, typed the messy way: normalised when the field is left, the message gone
  await idField.fill(messyId(candidate.idNumber))
  await page.getByLabel('登录密码').focus()
  assert.equal(await idField.inputValue(), candidate.idNumber, 'the field shows the number as the server takes it')
  await idError(page).waitFor({ state: 'detached', timeout: 3000 }) // the right number is not flagged
  // and the phone typed in full-width digits with blanks
  assert.equal(await page.getByLabel('绑定手机号').inputValue(), candidate.phone, 'the phone is normalised too')
  await page.getByLabel('登录密码').fill(candidate.password)
  await page.getByLabel('确认密码').fill(candidate.password)
  captchaId = await pressGetCode(page, candidate.phone)
  assert.equal(spending.smsRequests.length, 1, 'one SMS code asked for, for the right number')
  await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, null))
  await fillCaptcha(page, captchaId)
  await tick(page, /我已阅读并同意/)
  await checkPage(page)
  await screenshot(page, `${label}-register-normalised`)
  const registered = await submitOk(page, button(page, '注册'), '/api/accounts/public/registrations')
  assert.equal(JSON.parse(registered.request().postData()).idNumber, candidate.idNumber)
  await page.waitForURL(/\/sd\/login/)

  // 1.2 考生登录 with the number typed the same messy way: 获取验证码 sends it normalised
  captchaId = await captchaIdOf(page, () => page.goto('/sd/login'))
  await idField.fill(messyId(candidate.idNumber))
  await page.getByLabel('密码', { exact: true }).fill(candidate.password)
  await fillCaptcha(page, captchaId)
  const registrationSms = await latestSmsId(candidate.phone)
  await pressGetCode(page, candidate.phone)
  assert.equal(await idField.inputValue(), candidate.idNumber, 'the login field shows the normalised number')
  await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, registrationSms))
  await checkPage(page)
  await screenshot(page, `${label}-login-normalised`)
  await submitOk(page, button(page, '登录'), '/api/accounts/public/logins')
  await page.waitForURL(/\/sd\/wizard/)
  await screenshot(page, `${label}-logged-in`)
  assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  await page.context().close()
}

test('desktop: an ID number with full-width digits, blanks and a lower-case x registers and logs in; a wrong check '
  + 'digit is flagged at the field before any SMS', { timeout: 5 * 60 * 1000 },
() => photographFailure(browser, () => registerAndLogIn(onDesktop, DESKTOP, 'desktop')))

test('phone: the same at 375 px', { timeout: 5 * 60 * 1000 },
  () => photographFailure(browser, () => registerAndLogIn(onPhone, PHONE, 'phone')))
