// The review desks of the operator console (OPS-3) in the browser, on the running stack (./baokao up):
// 1. 照片与证明材料审核: a new Shanghai candidate (复旦大学) whose comparison the sandbox refuses three times uploads the
//    three ID proofs and submits them (through the API: the candidate's page is sh-review.test.mjs's); reviewer-fudan
//    logs in through Keycloak's page, finds the case in the queue (filters 人像比对3次未通过 and today), 领取 — another
//    operator's claim is then refused naming the holder —, sees the photo, the proofs and the three failed comparisons
//    side by side, approves, and the candidate's SMS arrives in the sandbox inbox signed 【上海市教育考试院】.
// 2. 手机号变更审核: an imported 在籍考生 of Shanghai asks to change the phone without the old one (through the public
//    API, as /sh/change-phone does: sh-existing.test.mjs); admin-sh claims the request in the console, sees the three
//    proofs, approves, and the new phone receives the SMS; a 上海中医药大学 reviewer cannot even see the request.
// 3. 照片与证明材料审核 again: 查看 alone offers no decision; 领取, 释放 and 领取 again in the case, then 不通过 with a reason
//    chosen from the list and an explanation typed; the approval reads the reason and the candidate is texted.
// Screenshots: e2e/screenshots/console-reviews-NN-*.png (1280 px; the console is a desktop page).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { clearScreenshots, expectLabelled, launch, newPage, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk, operatorToken as personsToken } from './support/console.mjs'
import { forceComparison, newShanghaiCandidate } from './support/sh-register.mjs'
import {
  GATEWAY, SANDBOX, awaitSmsCode, awaitSmsCooldown, bureauTextOf, captchaAnswer, checkDigit, latestSmsId,
  noteSmsCooldown, operatorToken as automationToken, sleep,
} from './support/stack.mjs'
import { button, formItem, seeHeading, waitForText } from './support/ui.mjs'

const PORTRAIT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'portrait.jpg')
const SH = 'sh'
const FUDAN = '10246'
const SIGNATURE = '【上海市教育考试院】'

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

async function shanghai(path, { token, body, method } = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {}
  if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json'
  return fetch(`${GATEWAY}/${SH}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'), headers,
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  })
}

async function captcha() {
  const issued = await json(await shanghai('/api/accounts/public/captchas', { method: 'POST' }), 'captcha')
  return { captchaId: issued.captchaId, captcha: await captchaAnswer(issued.captchaId) }
}

/** 新考生注册 at Shanghai through the API (复旦大学 新闻学), then a login: the access token. */
async function registerAtShanghai(candidate) {
  await awaitSmsCooldown(candidate.phone, 'registration')
  const before = await latestSmsId(candidate.phone)
  const sent = await json(await shanghai('/api/accounts/public/sms-codes/registration',
    { body: { phone: candidate.phone, ...(await captcha()) } }), 'registration code')
  noteSmsCooldown(candidate.phone, 'registration', sent.resendAfterSeconds)
  const smsCode = await awaitSmsCode(candidate.phone, before)
  await json(await shanghai('/api/accounts/public/registrations', {
    body: {
      idType: 'RESIDENT_ID', idNumber: candidate.idNumber, password: candidate.password,
      confirmPassword: candidate.password, phone: candidate.phone, smsCode, name: '审核考生', email: candidate.email,
      universityCode: FUDAN, majorCode: 'B050301', acceptPrivacyPolicy: true, acceptServiceAgreement: true,
      acceptIntegrityPledge: true, integrityPledgeVersion: (await bureauTextOf(SH, 'integrity-pledge')).version,
      ...(await captcha()),
    },
  }), 'registration')
  const tokens = await json(await shanghai('/api/accounts/public/logins',
    { body: { idNumber: candidate.idNumber, password: candidate.password, ...(await captcha()) } }), 'login')
  return tokens.access_token
}

async function awaitApproval(token, done, what, patienceMs = 60000) {
  const until = Date.now() + patienceMs
  let last = null
  while (Date.now() < until) {
    const response = await shanghai('/api/photos/approval', { token })
    last = response.ok ? await response.json() : null
    if (last && done(last)) return last
    await sleep(500)
  }
  throw new Error(`the approval did not become ${what} in ${patienceMs} ms: ${JSON.stringify(last)}`)
}

function portrait() {
  return new Blob([readFileSync(PORTRAIT)], { type: 'image/jpeg' })
}

/** A new Shanghai candidate whose three comparisons failed and who submitted the three ID proofs: the review's id. */
async function candidateInReview(candidate) {
  const token = await registerAtShanghai(candidate)
  await awaitApproval(token, (a) => a.status === 'PHOTO_REQUIRED', 'known (CandidateRegistered consumed)')
  await forceComparison(candidate.idNumber, 'NO_MATCH')
  for (let failure = 1; failure <= 3; failure++) {
    const form = new FormData()
    form.append('photo', portrait(), 'portrait.jpg')
    const photo = await json(await shanghai('/api/photos', { token, body: form }), 'photo upload')
    await json(await shanghai(`/api/photos/${photo.id}/submit`, { token, body: {} }), 'photo submit')
    await awaitApproval(token, (a) => a.failedComparisons === failure && a.status !== 'CHECKING',
      `failed ${failure} time(s)`)
  }
  for (const kind of ['ID_CARD_FRONT', 'ID_CARD_BACK', 'HOLDING_ID']) {
    const form = new FormData()
    form.append('proof', portrait(), `${kind}.jpg`)
    await json(await shanghai(`/api/photos/manual-reviews/proofs?kind=${kind}`, { token, body: form }), kind)
  }
  const review = await json(await shanghai('/api/photos/manual-reviews/mine/submit', { token, body: {} }), '提交审核')
  assert.equal(review.status, 'OPEN')
  return review.id
}

/** The latest SMS to `phone` newer than `afterId` whose text matches `pattern`. */
async function awaitSms(phone, afterId, pattern, patienceMs = 30000) {
  const until = Date.now() + patienceMs
  let last = null
  while (Date.now() < until) {
    const response = await fetch(`${SANDBOX}/sandbox/sms/api/messages/latest?phone=${phone}`)
    last = response.ok ? await response.json() : null
    if (last && last.messageId !== afterId && pattern.test(last.content)) return last.content
    await sleep(250)
  }
  throw new Error(`no SMS matching ${pattern} to ${phone} within ${patienceMs} ms; last: ${JSON.stringify(last)}`)
}

/** The row of the queue that shows `text` (the case's 考生编号, or a masked phone). */
function row(page, text) {
  return page.locator('.el-table__body-wrapper tr').filter({ hasText: text })
}

/** Picks `option` in the Element Plus select of the toolbar's field `label` (its shown value covers the input). */
async function select(page, label, option) {
  await formItem(page, label).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

/** Presses 确定 on the confirmation Element Plus shows before a decision. */
async function confirm(page) {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.getByRole('button', { name: '确定' }).click()
}

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

test('照片与证明材料审核: reviewer-fudan claims a three-failures case, sees photo + proofs + comparisons, approves; '
  + 'the candidate is texted', { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
  const candidate = newShanghaiCandidate()
  const reviewId = await candidateInReview(candidate)
  const detail = await json(await shanghai(`/api/photos/operations/manual-reviews/${reviewId}`,
    { token: await personsToken('reviewer-fudan') }), 'the case')
  const number = detail.review.candidateId.slice(0, 8)

  const page = await consoleLogin(browser, 'reviewer-fudan')
  await openDesk(page, '照片与证明材料审核')
  await seeHeading(page, '照片与证明材料审核')
  await select(page, '审核原因', '人像比对3次未通过')
  await page.getByLabel('提交日期从').fill(today())
  await page.getByLabel('提交日期从').press('Enter')
  await button(page, '查询').click()
  await waitForText(row(page, number), '人像比对3次未通过', 'the case in the queue')
  await waitForText(row(page, number), '复旦大学', 'its university by name')
  await expectLabelled(page)
  await screenshot(page, 'photo-queue')

  // 领取: the case is the reviewer's; another operator (Shanghai's administrator) is refused, told who holds it
  const [claimed] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/manual-reviews/${reviewId}/claim`)),
    row(page, number).getByRole('button', { name: '领取' }).click(),
  ])
  assert.equal(claimed.status(), 200, await claimed.text())
  const dialog = page.getByRole('dialog', { name: '审核详情' })
  await dialog.waitFor()
  const taken = await shanghai(`/api/photos/operations/manual-reviews/${reviewId}/claim`,
    { token: await personsToken('admin-sh'), method: 'POST' })
  assert.equal(taken.status, 409)
  const refusal = await taken.json()
  assert.equal(refusal.code, 'REVIEW_CLAIMED')
  assert.match(refusal.detail, /reviewer-fudan/, refusal.detail)

  // side by side: the photo, the three proofs (object URLs of protected files), the three failed comparisons
  await dialog.getByRole('img', { name: '考生报名照片' }).waitFor()
  for (const kind of ['身份证人像面', '身份证国徽面', '手持身份证半身照']) {
    await dialog.getByRole('img', { name: `证明材料：${kind}` }).waitFor()
  }
  const sources = await dialog.locator('img').evaluateAll((images) => images.map((img) => img.src))
  assert.ok(sources.length >= 4 && sources.every((src) => src.startsWith('blob:')), sources.join(', '))
  const comparisons = dialog.getByRole('table').last()
  await waitForText(dialog, '比对未通过 3 次', 'the number of failed comparisons')
  assert.equal(await dialog.locator('.el-tag', { hasText: '比对未通过' }).count(), 3, 'three failed comparisons')
  await waitForText(comparisons, '比对未通过', 'the comparisons table')
  await waitForText(dialog, '我（至', 'the claim is mine')
  await expectLabelled(page)
  await screenshot(page, 'photo-case-claimed')

  // 通过, confirmed: the case is decided, the candidate texted by the bureau
  const before = await latestSmsId(candidate.phone)
  await dialog.getByText('通过', { exact: true }).click()
  await screenshot(page, 'photo-case-approving')
  const [decided] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/manual-reviews/${reviewId}/decision`)),
    (async () => {
      await dialog.getByRole('button', { name: '提交审核结果' }).click()
      await confirm(page)
    })(),
  ])
  assert.equal(decided.status(), 200, await decided.text())
  await waitForText(dialog, '人工审核通过', 'the state after the decision')
  await waitForText(dialog, 'reviewer-fudan 于', 'who decided')
  await screenshot(page, 'photo-case-approved')
  const approval = await awaitApproval(await loginToken(candidate), (a) => a.status === 'APPROVED', 'approved')
  assert.equal(approval.mayPay, true)
  const sms = await awaitSms(candidate.phone, before, /审核/)
  assert.ok(sms.startsWith(SIGNATURE), sms)
  assert.match(sms, /通过/, sms)

  // decided once: a second decision is refused
  const again = await shanghai(`/api/photos/operations/manual-reviews/${reviewId}/claim`,
    { token: await personsToken('reviewer-fudan'), method: 'POST' })
  assert.equal((await again.json()).code, 'MANUAL_REVIEW_DECIDED')
  const inbox = await newPage(browser)
  await inbox.goto(`${SANDBOX}/sandbox/sms?phone=${candidate.phone}`)
  await waitForText(inbox.locator('#list'), SIGNATURE, 'the sandbox inbox')
  await screenshot(inbox, 'photo-sms')
  await inbox.context().close()
  assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the console page')
  await page.context().close()
}))

async function loginToken(candidate) {
  const tokens = await json(await shanghai('/api/accounts/public/logins',
    { body: { idNumber: candidate.idNumber, password: candidate.password, ...(await captcha()) } }), 'login')
  return tokens.access_token
}

/** A 在籍考生 of Shanghai imported by the automation account (复旦大学 and 上海财经大学 rows), with a phone on file. */
async function importedCandidate() {
  const district = '310104'
  const first17 = district + '1990' + String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')
    + String(1 + Math.floor(Math.random() * 28)).padStart(2, '0') + String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const idNumber = first17 + checkDigit(first17)
  const digits = (n) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0')
  const candidate = { idNumber, admissionNumber: `01${digits(10)}`, phone: `139${digits(8)}`, name: '钱变更',
    password: idNumber.slice(-6) }
  const csv = ['证件类型,证件号码,姓名,准考证号,主考学校代码,专业代码,手机号,电子邮箱',
    `居民身份证,${idNumber},${candidate.name},${candidate.admissionNumber},10246,B050301,${candidate.phone},`,
    `居民身份证,${idNumber},${candidate.name},${candidate.admissionNumber},10248,B120201,,`].join('\n') + '\n'
  const token = await automationToken()
  const form = new FormData()
  form.append('file', new Blob([csv], { type: 'text/csv' }), '在籍考生.csv')
  const accepted = await json(await shanghai('/api/accounts/operations/existing-candidates/imports',
    { token, body: form }), '在籍考生 import')
  for (let i = 0; i < 600; i++) {
    const job = await json(await shanghai(`/api/accounts/operations/existing-candidates/imports/${accepted.importId}`,
      { token }), 'import progress')
    if (job.status === 'DONE') return candidate
    if (job.status === 'FAILED') throw new Error(`import failed: ${JSON.stringify(job)}`)
    await sleep(200)
  }
  throw new Error('在籍考生 import not done in 2 minutes')
}

/** 修改注册手机号 without the old phone, as /sh/change-phone asks it: the code to the new phone, three proofs. */
async function fileLostPhoneRequest(candidate, newPhone) {
  await awaitSmsCooldown(newPhone, 'phone-change')
  const before = await latestSmsId(newPhone)
  const sent = await json(await shanghai('/api/accounts/public/phone-change/code', {
    body: { idNumber: candidate.admissionNumber, password: candidate.password, newPhone, ...(await captcha()) },
  }), 'the new phone\'s code')
  noteSmsCooldown(newPhone, 'phone-change', sent.resendAfterSeconds)
  const smsCode = await awaitSmsCode(newPhone, before)
  const form = new FormData()
  const proven = await captcha()
  for (const [key, value] of Object.entries({ idNumber: candidate.admissionNumber, password: candidate.password,
    newPhone, smsCode, ...proven })) form.append(key, value)
  for (const part of ['idCardFront', 'idCardBack', 'holdingId']) form.append(part, portrait(), `${part}.jpg`)
  return json(await shanghai('/api/accounts/public/phone-change-requests', { body: form }), 'the request')
}

test('手机号变更审核: admin-sh claims an imported candidate\'s request, sees the proofs, approves; the new phone is '
  + 'texted', { timeout: 5 * 60 * 1000 }, () => photographFailure(browser, async () => {
  const candidate = await importedCandidate()
  const newPhone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const filed = await fileLostPhoneRequest(candidate, newPhone)
  const masked = `${newPhone.slice(0, 3)}****${newPhone.slice(7)}`
  assert.equal(filed.maskedNewPhone, masked)

  // scope: a 上海中医药大学 reviewer does not see a candidate of 复旦大学 and 上海财经大学; 复旦大学's does
  const path = `/api/accounts/operations/phone-change-requests/${filed.requestId}`
  assert.equal((await shanghai(path, { token: await personsToken('reviewer-shutcm') })).status, 404)
  assert.equal((await shanghai(path, { token: await personsToken('reviewer-fudan') })).status, 200)

  const page = await consoleLogin(browser, 'admin-sh')
  await openDesk(page, '手机号变更审核')
  await seeHeading(page, '手机号变更审核')
  await waitForText(row(page, masked), '审核中', 'the request in the queue')
  await expectLabelled(page)
  await screenshot(page, 'phone-queue')

  const [claimed] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/phone-change-requests/${filed.requestId}/claim`)),
    row(page, masked).getByRole('button', { name: '领取' }).click(),
  ])
  assert.equal(claimed.status(), 200, await claimed.text())
  const dialog = page.getByRole('dialog', { name: '申请详情' })
  await dialog.waitFor()
  for (const proof of ['身份证人像面照片', '身份证国徽面照片', '手持身份证照片']) {
    await dialog.getByRole('img', { name: `证明材料：${proof}` }).waitFor()
  }
  await waitForText(dialog, masked, 'the new phone, masked')
  assert.ok(!(await dialog.innerText()).includes(newPhone), 'the new phone never in clear')
  await expectLabelled(page)
  await screenshot(page, 'phone-case-claimed')

  const before = await latestSmsId(newPhone)
  await dialog.getByText('通过', { exact: true }).click()
  const [approved] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/phone-change-requests/${filed.requestId}/approve`)),
    (async () => {
      await dialog.getByRole('button', { name: '提交审核结果' }).click()
      await confirm(page)
    })(),
  ])
  assert.equal(approved.status(), 200, await approved.text())
  await waitForText(dialog, '已通过', 'the state after the approval')
  await screenshot(page, 'phone-case-approved')
  const told = await awaitSms(newPhone, before, /已变更/)
  assert.ok(told.startsWith(SIGNATURE), told)
  assert.ok(told.includes(masked), told)
  assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the console page')
  await page.context().close()
}))

test('照片与证明材料审核: 查看 without a claim decides nothing; 领取, 释放, 领取 again, then 不通过 with a reason chosen '
  + 'and typed; the candidate is texted the reason', { timeout: 6 * 60 * 1000 }, () => photographFailure(browser, async () => {
  const candidate = newShanghaiCandidate()
  const reviewId = await candidateInReview(candidate)
  const token = await personsToken('reviewer-fudan')
  const number = (await json(await shanghai(`/api/photos/operations/manual-reviews/${reviewId}`, { token }),
    'the case')).review.candidateId.slice(0, 8)

  const page = await consoleLogin(browser, 'reviewer-fudan')
  await openDesk(page, '照片与证明材料审核')
  await waitForText(row(page, number), '未领取', 'the case in the queue')
  await row(page, number).getByRole('button', { name: '查看' }).click()
  const dialog = page.getByRole('dialog', { name: '审核详情' })
  await dialog.getByRole('img', { name: '考生报名照片' }).waitFor()
  assert.equal(await dialog.getByRole('button', { name: '提交审核结果' }).count(), 0, 'no decision without a claim')

  // 领取 and 释放 in the case: the claim comes and goes, each audited by photo-service
  await dialog.getByRole('button', { name: '领取' }).click()
  await waitForText(dialog, '我（至', 'the claim is mine')
  await dialog.getByRole('button', { name: '释放' }).click()
  await waitForText(dialog.locator('.el-descriptions'), '未领取', 'released')
  const free = await json(await shanghai(`/api/photos/operations/manual-reviews/${reviewId}`, { token }), 'the case')
  assert.equal(free.review.claim, null, 'nobody holds it after 释放')
  await dialog.getByRole('button', { name: '领取' }).click()
  await waitForText(dialog, '我（至', 'claimed again')

  // 不通过: a reason from the list and a typed explanation, confirmed
  const before = await latestSmsId(candidate.phone)
  await dialog.getByText('不通过', { exact: true }).click()
  await formItem(page, '不通过原因').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '证件照片不清晰' }).first().click()
  await dialog.getByLabel('原因说明').fill('请在光线充足处重新拍摄身份证人像面')
  await expectLabelled(page)
  await screenshot(page, 'photo-case-rejecting')
  const [decided] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/manual-reviews/${reviewId}/decision`)),
    (async () => {
      await dialog.getByRole('button', { name: '提交审核结果' }).click()
      await confirm(page)
    })(),
  ])
  assert.equal(decided.status(), 200, await decided.text())
  await waitForText(dialog, '人工审核未通过', 'the state after the decision')
  await waitForText(dialog, '证件照片不清晰：请在光线充足处重新拍摄身份证人像面', 'the reason kept')
  await screenshot(page, 'photo-case-rejected')
  const approval = await awaitApproval(await loginToken(candidate), (a) => a.status === 'REJECTED', 'rejected')
  assert.equal(approval.reason, '证件照片不清晰：请在光线充足处重新拍摄身份证人像面')
  const sms = await awaitSms(candidate.phone, before, /审核/)
  assert.ok(sms.startsWith(SIGNATURE), sms)
  assert.match(sms, /未通过/, sms)
  assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the console page')
  await page.context().close()
}))
