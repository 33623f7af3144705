// 人工审核 with proofs (Shanghai 新考生: SST-2, ENR-10, PHO-5) in the browser, on the running stack (./baokao up):
// a new candidate registers at 上海市教育考试院 (through the API: the registration pages are built beside this), the
// sandbox identity provider is told to refuse every comparison of their ID number, three photos fail, and the
// candidate is led to the proofs page (/sh/review, after logging in) with its 注意事项, uploads the three ID proofs,
// sees them, submits; a reviewer of 复旦大学 (Keycloak user reviewer-fudan, claim university) finds the review through
// the operators' API, which a 上海中医药大学 reviewer cannot even see, and rejects it with a reason, which the page shows;
// (each decision after the reviewer's 领取, OPS-3) the candidate uploads again and resubmits, the reviewer approves, the page shows 审核通过 and the decision arrives in
// the sandbox SMS inbox signed 【上海市教育考试院】. The page is checked on a phone too.
// Screenshots: e2e/screenshots/sh-review-NN-*.png.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  PHONE, captchaIdOf, checkPage, clearScreenshots, launch, newPage, photographFailure, screenshot,
} from './support/browser.mjs'
import {
  GATEWAY, KEYCLOAK, SANDBOX, awaitSmsCode, awaitSmsCooldown, bureauTextOf, captchaAnswer, latestSmsId, newCandidate,
  noteSmsCooldown, sleep,
} from './support/stack.mjs'
import { button, fillCaptcha, seeHeading, seeText, waitForText } from './support/ui.mjs'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const PORTRAIT = join(FIXTURES, 'portrait.jpg')
const SHANGHAI = 'sh'
const FUDAN = '10246' // 复旦大学 in the demo catalogue (enrollment-service DemoShanghaiExam)
const SHUTCM = '10268' // 上海中医药大学
const REVIEWER_PASSWORD = 'Operator@2026'

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

async function shanghaiCaptcha() {
  const issued = await json(await fetch(`${GATEWAY}/${SHANGHAI}/api/accounts/public/captchas`, { method: 'POST' }),
    'captcha')
  return { captchaId: issued.captchaId, captcha: await captchaAnswer(issued.captchaId) }
}

async function postShanghai(path, body, what, token) {
  return json(await fetch(`${GATEWAY}/${SHANGHAI}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }), what)
}

/** 新考生注册 at Shanghai through the API (a 居民身份证, 复旦大学 新闻学), then a login: the access token. */
async function registerAtShanghai(candidate) {
  await awaitSmsCooldown(candidate.phone, 'registration')
  const before = await latestSmsId(candidate.phone)
  const sent = await postShanghai('/api/accounts/public/sms-codes/registration',
    { phone: candidate.phone, ...(await shanghaiCaptcha()) }, 'registration code')
  noteSmsCooldown(candidate.phone, 'registration', sent.resendAfterSeconds)
  const smsCode = await awaitSmsCode(candidate.phone, before)
  await postShanghai('/api/accounts/public/registrations', {
    idType: 'RESIDENT_ID', idNumber: candidate.idNumber, password: candidate.password,
    confirmPassword: candidate.password, phone: candidate.phone, smsCode, name: candidate.name,
    email: candidate.email, universityCode: FUDAN, majorCode: 'B050301', acceptPrivacyPolicy: true,
    acceptServiceAgreement: true, acceptIntegrityPledge: true,
    integrityPledgeVersion: (await bureauTextOf(SHANGHAI, 'integrity-pledge')).version, ...(await shanghaiCaptcha()),
  }, 'registration')
  const tokens = await postShanghai('/api/accounts/public/logins',
    { idNumber: candidate.idNumber, password: candidate.password, ...(await shanghaiCaptcha()) }, 'login')
  return tokens.access_token
}

async function approvalOf(token) {
  const response = await fetch(`${GATEWAY}/${SHANGHAI}/api/photos/approval`,
    { headers: { Authorization: `Bearer ${token}` } })
  return response.ok ? response.json() : null
}

/** Waits until the candidate's approval satisfies `done`; answers it. */
async function awaitApproval(token, done, what, patienceMs = 60000) {
  const until = Date.now() + patienceMs
  let last = null
  while (Date.now() < until) {
    last = await approvalOf(token)
    if (last && done(last)) return last
    await sleep(500)
  }
  throw new Error(`the approval did not become ${what} in ${patienceMs} ms: ${JSON.stringify(last)}`)
}

/** A photo uploaded and submitted through the API, as the registration's photo step does. */
async function submitPhoto(token) {
  const form = new FormData()
  form.append('photo', new Blob([readFileSync(PORTRAIT)], { type: 'image/jpeg' }), 'portrait.jpg')
  const photo = await json(await fetch(`${GATEWAY}/${SHANGHAI}/api/photos`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form,
  }), 'photo upload')
  await postShanghai(`/api/photos/${photo.id}/submit`, {}, 'photo submit', token)
}

/** The sandbox identity provider refuses every comparison of this ID number (its test control). */
async function refuseComparisons(idNumber) {
  await json(await fetch(`${SANDBOX}/sandbox/identity/api/subjects/${idNumber}/outcome`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: 'NO_MATCH' }),
  }), 'sandbox outcome')
}

/** A demo reviewer's token: Keycloak's password grant (local realm only), with claim university from the user. */
async function reviewerToken(username) {
  const body = new URLSearchParams({
    grant_type: 'password', client_id: 'baokao-automation', client_secret: 'baokao-automation-secret', username,
    password: REVIEWER_PASSWORD,
  })
  const answer = await json(await fetch(`${KEYCLOAK}/realms/baokao/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body,
  }), `token of ${username}`)
  return answer.access_token
}

function claimsOf(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))
}

async function operations(path, token, init = {}) {
  return fetch(`${GATEWAY}/${SHANGHAI}/api/photos/operations/manual-reviews${path}`, {
    ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  })
}

/** The Shanghai login page (证件号码/准考证号, 密码, captcha), reached from a page behind login; back there after it. */
async function logInFrom(page, path, candidate) {
  const captchaId = await captchaIdOf(page, () => page.goto(`/${SHANGHAI}${path}`))
  await page.waitForURL(/\/sh\/login/)
  await seeHeading(page, '考生登录')
  await page.getByLabel('证件号码/准考证号').fill(candidate.idNumber)
  await page.getByLabel('密码', { exact: true }).fill(candidate.password)
  await fillCaptcha(page, captchaId)
  await button(page, '登录').click()
  await page.waitForURL(new RegExp(`/sh${path}$`))
}

function proofBox(page, name) {
  return page.locator('.rv-box').filter({ has: page.locator('.rv-box-name', { hasText: new RegExp(`^${name}$`) }) })
}

test('three failed comparisons: the candidate uploads the proofs and submits, a 复旦大学 reviewer rejects, the '
  + 'candidate uploads again, the reviewer approves, the SMS arrives', { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
  const candidate = { ...newCandidate('Review2026'), name: '审核考生', email: `review${Date.now()}@example.com` }
  const token = await registerAtShanghai(candidate)
  const fresh = await awaitApproval(token, () => true, 'known (CandidateRegistered consumed)')
  assert.equal(fresh.status, 'PHOTO_REQUIRED', 'a 居民身份证 starts on the automatic path')
  await refuseComparisons(candidate.idNumber)

  // three photos, each refused by the comparison: another may be taken after the first two, proofs after the third
  for (let failure = 1; failure <= 3; failure++) {
    await submitPhoto(token)
    const after = await awaitApproval(token, (a) => a.failedComparisons === failure && a.status !== 'CHECKING',
      `failed ${failure} time(s)`)
    assert.equal(after.status, failure < 3 ? 'PHOTO_REQUIRED' : 'PROOFS_REQUIRED')
  }

  // led to the proofs page: behind login, so through the Shanghai login and back
  const page = await newPage(browser)
  await logInFrom(page, '/review', candidate)
  await seeHeading(page, '人工审核')
  await waitForText(page.locator('.rv-status'), '待上传证明材料', 'the state')
  await seeText(page, '人像比对3次未通过，须上传证明材料，由主考学校人工审核')
  await seeHeading(page, '注意事项')
  await seeText(page, '审核通过后才能进行所选课程的缴费')
  for (const name of ['身份证人像面', '身份证国徽面', '手持身份证半身照']) {
    await waitForText(proofBox(page, name), '未上传', `the box ${name}`)
  }
  assert.equal(await proofBox(page, '学历证明').count(), 0, 'no 学历证明 for an ordinary major')
  await page.getByRole('link', { name: '返回报名信息' }).first().waitFor()
  assert.match(await page.getByRole('link', { name: '返回报名信息' }).first().getAttribute('href'), /\/sh\/home$/)
  await checkPage(page)
  await screenshot(page, 'proofs-required')

  // 提交审核 before every proof is there: the missing ones are named
  await button(page, '提交审核').click()
  await seeText(page, '请先上传：身份证人像面、身份证国徽面、手持身份证半身照')

  // the same page on a phone: one column of boxes fits, each box labelled
  const phone = await newPage(browser, PHONE)
  await logInFrom(phone, '/review', candidate)
  await waitForText(phone.locator('.rv-status'), '待上传证明材料', 'the state on the phone')
  await checkPage(phone)
  await screenshot(phone, 'phone-proofs-required')
  await phone.context().close()

  for (const name of ['身份证人像面', '身份证国徽面', '手持身份证半身照']) {
    const [uploaded] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/photos/manual-reviews/proofs') && r.request().method() === 'POST'),
      page.getByLabel(`上传${name}`).setInputFiles(PORTRAIT),
    ])
    assert.equal(uploaded.status(), 201, `${name}: ${await uploaded.text()}`)
    await waitForText(proofBox(page, name), '已上传', `the box ${name}`)
    await page.getByRole('img', { name: `已上传的${name}` }).waitFor()
  }
  await screenshot(page, 'proofs-uploaded')
  // after 提交审核 the boxes show what the review holds, read back from the server
  const readBack = new Set()
  page.on('response', (r) => {
    if (/\/api\/photos\/manual-reviews\/mine\/proofs\/[^/]+\/image$/.test(r.url()) && r.ok()) readBack.add(r.url())
  })
  const [submitted] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/photos/manual-reviews/mine/submit')),
    button(page, '提交审核').click(),
  ])
  assert.equal(submitted.status(), 200, await submitted.text())
  const reviewId = (await submitted.json()).id
  await waitForText(page.locator('.rv-status'), '人工审核中', 'the state')
  await seeText(page, '证明材料已提交，主考学校正在审核')
  await page.waitForFunction(() => document.querySelectorAll('.rv-box img[alt^="已上传的"]').length === 3)
  for (let i = 0; i < 40 && readBack.size < 3; i++) await sleep(250)
  assert.equal(readBack.size, 3, 'the three proofs were read back for their previews')
  assert.equal(await page.getByLabel('上传身份证人像面').count(), 0, 'nothing can be changed while reviewed')
  await checkPage(page)
  await screenshot(page, 'in-review')

  // the reviewers: 复旦大学's sees the review, 上海中医药大学's does not (contract 4)
  const fudan = await reviewerToken('reviewer-fudan')
  const shutcm = await reviewerToken('reviewer-shutcm')
  assert.equal(claimsOf(fudan).university, FUDAN, 'Keycloak maps the user attribute to the claim')
  assert.equal(claimsOf(shutcm).university, SHUTCM)
  const queue = await json(await operations('?status=OPEN&size=100', fudan), 'the 复旦 queue')
  assert.ok(queue.items.some((review) => review.id === reviewId), 'the review is in 复旦大学\'s queue')
  const elsewhere = await json(await operations('?status=OPEN&size=100', shutcm), 'the 上海中医药大学 queue')
  assert.ok(!elsewhere.items.some((review) => review.id === reviewId), 'not in another university\'s queue')
  assert.equal((await operations(`/${reviewId}`, shutcm)).status, 404, 'another university\'s reviewer gets 404')
  const detail = await json(await operations(`/${reviewId}`, fudan), 'the review')
  assert.equal(detail.review.universityCode, FUDAN)
  assert.equal(detail.proofs.length, 3)

  // first rejected with a reason: the page shows it, the boxes are empty again, and the candidate uploads again
  const REASON = '手持身份证半身照不清晰，请重新拍摄上传'
  await json(await operations(`/${reviewId}/claim`, fudan, { method: 'POST' }), 'the claim (OPS-3)')
  const rejected = await json(await operations(`/${reviewId}/decision`, fudan,
    { method: 'POST', body: JSON.stringify({ approved: false, reason: REASON }) }), 'the rejection')
  assert.equal(rejected.review.status, 'REJECTED')
  await waitForText(page.locator('.rv-status'), '审核未通过', 'the state after the rejection', 30000)
  await seeText(page, `审核未通过，原因：${REASON}`)
  for (const name of ['身份证人像面', '身份证国徽面', '手持身份证半身照']) {
    await waitForText(proofBox(page, name), '未上传', `the box ${name} after the rejection`)
  }
  await checkPage(page)
  await screenshot(page, 'rejected')
  for (const name of ['身份证人像面', '身份证国徽面', '手持身份证半身照']) {
    await page.getByLabel(`上传${name}`).setInputFiles(PORTRAIT)
    await waitForText(proofBox(page, name), '已上传', `the box ${name}`)
  }
  const [resubmitted] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/photos/manual-reviews/mine/submit')),
    button(page, '重新提交审核').click(),
  ])
  assert.equal(resubmitted.status(), 200, await resubmitted.text())
  const secondReviewId = (await resubmitted.json()).id
  assert.notEqual(secondReviewId, reviewId, 'a new review')
  await waitForText(page.locator('.rv-status'), '人工审核中', 'the state after resubmitting')
  await screenshot(page, 'resubmitted')

  const beforeDecision = await latestSmsId(candidate.phone)
  await json(await operations(`/${secondReviewId}/claim`, fudan, { method: 'POST' }), 'the claim (OPS-3)')
  const decided = await json(await operations(`/${secondReviewId}/decision`, fudan,
    { method: 'POST', body: JSON.stringify({ approved: true }) }), 'the decision')
  assert.equal(decided.review.status, 'APPROVED')

  // the page asks again by itself while the review runs: 审核通过 without a reload
  await waitForText(page.locator('.rv-status'), '审核通过', 'the state after the decision', 30000)
  await seeText(page, '您已通过审核')
  await checkPage(page)
  await screenshot(page, 'approved')
  assert.equal((await approvalOf(token)).mayPay, true, 'approved: may pay')

  // the SMS: the candidate's bureau's signature, the decision
  let sms = null
  for (let i = 0; i < 120 && !sms; i++) {
    const response = await fetch(`${SANDBOX}/sandbox/sms/api/messages/latest?phone=${candidate.phone}`)
    const latest = response.ok ? await response.json() : null
    if (latest && latest.messageId !== beforeDecision) sms = latest
    else await sleep(250)
  }
  assert.ok(sms, 'the decision was texted')
  assert.match(sms.content, /^【上海市教育考试院】.*审核.*通过/, sms.content)
  assert.ok(!sms.content.includes('山东'), sms.content)
  const inbox = await newPage(browser, PHONE)
  await inbox.goto(`${SANDBOX}/sandbox/sms?phone=${candidate.phone}`)
  await waitForText(inbox.locator('#list'), '【上海市教育考试院】', 'the sandbox inbox')
  await screenshot(inbox, 'sandbox-sms-decision')
  await inbox.context().close()
  assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
}))
