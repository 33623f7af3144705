// SST-1, Shanghai's 新考生注册 (/sh/register, seed 004 §2) in the browser, on the running stack (./baokao up):
// - a new candidate with a 居民身份证 goes through the four steps (① ID, 主考学校 and 报名专业, the 考生诚信承诺书 with the
//   university's 温馨提示, 我同意; ② 个人信息 with the SMS code from the sandbox and an e-mail, 提交注册 logs in; ③ the photo
//   rules, the 规范照片示例 page, 选择照片, 上传照片, 提交; ④ the public-security comparison passes: the sandbox identity
//   provider is told to match this ID number only) and the page says 比对通过，注册审核已通过 with 报名信息;
// - a 港澳台居民居住证 candidate, on a phone, registers the same way and is led to 上传证明材料 instead of a comparison;
// - step ① and ② on their own, the registration POST answered by the test (page.route: nothing registered, no SMS):
//   choices, the page's own checks, forgiving input (full-width digits, a lower-case x, an e-mail's domain), the
//   server's refusals next to their fields and back on step ① when they concern it, a pledge replaced meanwhile;
// - step ④ against approvals of the test's own: waiting for the photo just submitted, approved, a failed comparison,
//   proofs needed;
// - Shandong's 考生注册 (ROSTER) keeps its page, none of Shanghai's steps.
// ④ reads photo-service's GET /api/photos/approval (docs/SHANGHAI.md). Screenshots: e2e/screenshots/sh-registration-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  DESKTOP, PHONE, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import { bureauTextOf } from './support/stack.mjs'
import {
  button, choose, expectFieldError, formItem, seeHeading, seeText, tick, waitForText,
} from './support/ui.mjs'
import {
  REGISTRATIONS, forceComparison, fullWidth, newHongKongCandidate, newShanghaiCandidate, passPhotoStep, passStepOne,
  passStepTwo,
} from './support/sh-register.mjs'

const FUDAN_NOTICE = '本校实践课程须经人工审核后缴费'
/** The comparison and the approval follow events between services: more patience than a page load. */
const APPROVAL_PATIENCE = 90000

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

test('a 居民身份证 candidate registers in four steps, passes the comparison and is approved', { timeout: 5 * 60 * 1000 },
  () => photographFailure(browser, async () => {
    const candidate = newShanghaiCandidate({ endsWithX: true })
    await forceComparison(candidate.idNumber, 'MATCH')
    const page = await newPage(browser, DESKTOP)
    await page.goto('/sh/login')
    await page.getByRole('link', { name: '新考生注册' }).click()
    await page.waitForURL(/\/sh\/register$/)
    await seeHeading(page, '新考生注册')

    // ① the manual's order, the pledge as the bureau publishes it now, the university's 温馨提示 below it
    await page.getByLabel('证件号码').waitFor()
    const labels = (await page.locator('.acc-form .el-form-item__label').allTextContents()).map((t) => t.trim())
      .filter(Boolean)
    assert.deepEqual(labels.slice(0, 4), ['证件类型', '证件号码', '主考学校', '报名专业'])
    const pledge = await bureauTextOf('sh', 'integrity-pledge')
    await seeHeading(page, pledge.title)
    await seeText(page, `版本：${pledge.version}`)
    await seeText(page, pledge.text.trim().split('\n')[0].trim().slice(0, 20))
    // typed as a Chinese input method would: full-width digits and a lower-case x, blanks around
    const typed = ` ${fullWidth(candidate.idNumber.slice(0, 17))}x `
    await page.getByLabel('证件号码').fill(typed)
    await choose(page, '主考学校', '复旦大学')
    await seeText(page, '复旦大学温馨提示')
    await seeText(page, FUDAN_NOTICE)
    const notice = await page.getByText(FUDAN_NOTICE).boundingBox()
    const pledgeBox = await page.getByRole('document', { name: pledge.title }).boundingBox()
    assert.ok(notice.y > pledgeBox.y, 'the 温馨提示 is below the pledge (最下方是主考学校的温馨提示)')
    await choose(page, '报名专业', '法学')
    await checkPage(page)
    await screenshot(page, 'choice')
    await button(page, '下一步').click()
    await seeText(page, `请仔细阅读《${pledge.title}》，并选择“我同意”`)
    await tick(page, '我同意')
    await button(page, '下一步').click()

    // ② 个人信息; the answer logs in: the photo step follows without another captcha
    await seeText(page, '手机号码、电子邮箱是您以后找回密码的唯一途径')
    const registration = page.waitForRequest((r) => r.url().includes(REGISTRATIONS) && r.method() === 'POST')
    const answer = await passStepTwo(page, candidate, '沪考生甲')
    // a login's tokens: the access token in the body, the refresh token only in the HttpOnly cookie (docs/WEB.md)
    assert.ok(answer.access_token, 'the registration answers a login\'s access token')
    assert.equal(answer.refresh_token, undefined, 'the browser never sees the refresh token')
    assert.ok((await page.context().cookies()).some((c) => c.name === 'baokao_refresh' && c.httpOnly
      && c.path === '/sh/api/accounts/public/tokens'), 'the session cookie, under Shanghai\'s token path')
    assert.equal(answer.maskedEmail, `${candidate.email[0]}***@example.com`, 'the e-mail only masked')
    assert.ok(!JSON.stringify(answer).includes(candidate.phone), 'the phone only masked')
    const sent = (await registration).postDataJSON()
    assert.equal(sent.idNumber, candidate.idNumber, 'full-width digits and the lower-case x sent as the ID\'s number')
    assert.equal(sent.email, candidate.email.replace('Example.COM', 'example.com'), 'trimmed, the domain lower-cased')
    assert.equal(sent.integrityPledgeVersion, pledge.version)
    assert.equal(sent.acceptIntegrityPledge, true)
    assert.equal(sent.universityCode, '10246')

    // ③ the rules, the 规范照片示例 page in a tab of its own, the photo
    await page.waitForURL(/\/sh\/register\/photo$/)
    await seeHeading(page, '上传照片')
    const [example] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: '规范照片示例' }).click(),
    ])
    await example.waitForLoadState()
    await seeHeading(example, '规范照片示例')
    await example.getByRole('img', { name: '规范照片示例（示意图）' }).waitFor()
    await seeText(example, '背景为白色或浅色纯色')
    await checkPage(example)
    await screenshot(example, 'photo-example')
    await example.close()
    await passPhotoStep(page, candidate)

    // ④ the comparison passes: approved, 报名信息 next
    await seeText(page, '比对通过，注册审核已通过', APPROVAL_PATIENCE)
    const home = page.getByRole('link', { name: '报名信息' })
    assert.match(await home.getAttribute('href'), /\/sh\/home$/)
    await checkPage(page)
    await screenshot(page, 'approved')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))

test('a 港澳台居民居住证 candidate, on a phone, registers and is led to the proofs instead of a comparison',
  { timeout: 5 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = newHongKongCandidate()
    // were a comparison made, it would fail: the page must not show one
    await forceComparison(candidate.idNumber, 'NO_MATCH')
    const page = await newPage(browser, PHONE)
    await page.goto('/sh/register')
    await seeHeading(page, '新考生注册')
    await page.waitForFunction(() => document.title === '新考生注册 · 上海市教育考试院', null, { timeout: 10000 })
    await passStepOne(page, candidate, { university: '上海交通大学', major: '工商管理' })
    await expectNoHorizontalScroll(page)
    const answer = await passStepTwo(page, candidate, '港考生乙')
    assert.equal(answer.specialMajor, false)
    await passPhotoStep(page, candidate)

    await seeText(page, '需要上传证明材料，进行人工审核', APPROVAL_PATIENCE)
    assert.equal(await page.getByText('比对通过').count(), 0)
    assert.equal(await page.getByText('比对未通过').count(), 0, 'no comparison for a non-resident ID type')
    await expectLabelled(page)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'proofs-required')
    await page.getByRole('link', { name: '上传证明材料' }).click()
    await page.waitForURL(/\/sh\/review$/)
    await page.context().close()
  }))

// ---- steps ① and ② against answers of the test's own: nothing is registered, no SMS is sent ----

const FORM = '**/api/accounts/public/registration-form'
const OPEN_FORM = {
  examCode: 'SH-ZK-2026-10', gate: 'OPEN', password: { minLength: 6, maxLength: 16, requiredClasses: 1 },
  universities: [
    { code: '10246', name: '复旦大学', notice: `${FUDAN_NOTICE}，实践考核安排以学校网站通知为准。`,
      majors: [{ code: 'B050301', name: '新闻学', special: false }, { code: 'B030101', name: '法学', special: false }] },
    { code: '10268', name: '上海中医药大学', notice: null,
      majors: [{ code: 'B100801', name: '中药学', special: true },
        { code: 'A100803', name: '中医养生保健（独立本科段·社区健康管理与服务方向）', special: false }] },
  ],
}

function problem(status, code, detail) {
  return { status, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', status, detail, code }) }
}

/** A Shanghai page whose registration form is OPEN_FORM (or `formAnswers`, one per load) and whose registrations are answered by `answers`. */
async function stubbedPage(device = DESKTOP, formAnswers = null) {
  const page = await newPage(browser, device)
  const posts = []
  const answers = []
  await page.route(FORM, (route) => route.fulfill(formAnswers?.shift()
    ?? { status: 200, contentType: 'application/json', body: JSON.stringify(OPEN_FORM) }))
  await page.route(`**${REGISTRATIONS}`, (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    posts.push(route.request().postDataJSON())
    return route.fulfill(answers.shift() ?? problem(400, 'SMS_CODE_WRONG', '短信验证码错误'))
  })
  return { page, posts, answers }
}

async function optionsOf(page, label) {
  await page.getByLabel(label, { exact: true }).click()
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.first().waitFor()
  const texts = (await options.allTextContents()).map((t) => t.trim())
  await page.keyboard.press('Escape')
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
  return texts
}

async function shown(page, label) {
  return (await formItem(page, label).locator('.el-select__placeholder').textContent()).trim()
}

/** Step ② filled but for what a test changes; 提交注册 answers the body the page sent. */
async function fillPersonal(page, candidate) {
  await page.getByLabel('姓名', { exact: true }).fill('阿卜杜·热合曼')
  await page.getByLabel('手机号码').fill(candidate.phone)
  await page.getByLabel('验证码', { exact: true }).fill('abcd')
  await page.getByLabel('短信验证码').fill('123456')
  await page.getByLabel('电子邮箱').fill(candidate.email)
  await page.getByLabel('登录密码').fill(candidate.password)
  await page.getByLabel('确认密码').fill(candidate.password)
  await tick(page, /我已阅读并同意/)
}

async function submitAnswered(page) {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes(REGISTRATIONS) && r.method() === 'POST'),
    button(page, '提交注册').click(),
  ])
  return request.postDataJSON()
}

test('step ①: choices, the special major, the page\'s own checks; step ②: refusals by the field, back to ① when they concern it',
  { timeout: 120000 }, () => photographFailure(browser, async () => {
    const candidate = newShanghaiCandidate()
    const { page, posts, answers } = await stubbedPage()
    await page.goto('/sh/register')
    await seeHeading(page, '新考生注册')
    assert.ok(await page.getByLabel('报名专业', { exact: true }).isDisabled(), '报名专业 waits for a university')
    assert.equal(await shown(page, '报名专业'), '请先选择主考学校')

    // nothing chosen: the page says what is missing, next to each field
    await button(page, '下一步').click()
    await expectFieldError(page, '证件号码', '请输入证件号码')
    await expectFieldError(page, '主考学校', '请选择报考的主考学校')
    await expectFieldError(page, '报名专业', '请选择报考专业')
    await seeText(page, '并选择“我同意”')
    await page.getByLabel('证件号码').fill(candidate.idNumber.slice(0, 17) + (candidate.idNumber[17] === '0' ? '1' : '0'))
    await button(page, '下一步').click()
    await expectFieldError(page, '证件号码', '证件号码校验位不正确，请核对')
    await checkPage(page)
    await screenshot(page, 'choice-missing')

    // a university's majors, the special one marked; another university clears the major
    assert.deepEqual(await optionsOf(page, '主考学校'), ['复旦大学', '上海中医药大学'])
    await choose(page, '主考学校', '上海中医药大学')
    assert.deepEqual(await optionsOf(page, '报名专业'),
      ['中药学（B100801）（特殊专业）', '中医养生保健（独立本科段·社区健康管理与服务方向）（A100803）'])
    await choose(page, '报名专业', '中药学')
    await seeText(page, '特殊专业：注册后须上传证明材料')
    assert.equal(await page.getByText('上海中医药大学温馨提示').count(), 0, 'this university has no 温馨提示')
    await choose(page, '主考学校', '复旦大学')
    assert.equal(await shown(page, '报名专业'), '请选择报名专业', 'the major is cleared with the university')
    await seeText(page, FUDAN_NOTICE)
    await passStepOne(page, candidate, { typed: `\u3000${fullWidth(candidate.idNumber)} ` })

    // ② the page's own checks
    await button(page, '提交注册').click()
    await expectFieldError(page, '姓名', '请填写姓名')
    await expectFieldError(page, '电子邮箱', '请填写电子邮箱')
    await page.getByLabel('电子邮箱').fill('zhangsan@example')
    await button(page, '提交注册').click()
    await expectFieldError(page, '电子邮箱', '电子邮箱格式不正确')
    assert.equal(posts.length, 0, 'nothing sent while the form is incomplete')
    await seeText(page, '注：密码长度为6-16位')
    await checkPage(page)
    await screenshot(page, 'personal-missing')

    // the server's refusal of a step-② field stays on ②, next to it
    await fillPersonal(page, candidate)
    answers.push(problem(400, 'EMAIL_INVALID', '电子邮箱格式不正确，请输入正确的电子邮箱（如 zhangsan@example.com）'))
    const body = await submitAnswered(page)
    assert.equal(body.idNumber, candidate.idNumber, 'the full-width number sent half-width')
    assert.equal(body.email, candidate.email.replace('Example.COM', 'example.com'))
    assert.equal(body.name, '阿卜杜·热合曼')
    await expectFieldError(page, '电子邮箱', '电子邮箱格式不正确')

    // a refusal of a step-① field leads back there, next to it
    await page.getByLabel('验证码', { exact: true }).fill('abcd')
    answers.push(problem(400, 'MAJOR_NOT_OFFERED', '复旦大学没有开设所选专业，请重新选择'))
    await submitAnswered(page)
    await expectFieldError(page, '报名专业', '复旦大学没有开设所选专业，请重新选择')
    await screenshot(page, 'back-to-choice')
    await button(page, '下一步').click()
    await page.getByLabel('验证码', { exact: true }).fill('abcd')
    answers.push(problem(409, 'ALREADY_REGISTERED', '该证件号码已注册，请直接登录'))
    await submitAnswered(page)
    await expectFieldError(page, '证件号码', '该证件号码已注册，请直接登录')
    await page.getByRole('link', { name: '直接登录' }).waitFor()

    // the bureau published a new pledge meanwhile: read it again, agree again
    await button(page, '下一步').click()
    await page.getByLabel('验证码', { exact: true }).fill('abcd')
    answers.push(problem(409, 'PLEDGE_VERSION_OUTDATED',
      '《考生诚信承诺书》已更新，请重新阅读最新的《考生诚信承诺书》并选择“我同意”后再提交注册'))
    await submitAnswered(page)
    await seeText(page, '《考生诚信承诺书》已更新')
    assert.equal(await page.getByRole('checkbox', { name: '我同意' }).isChecked(), false, '我同意 is asked again')
    await checkPage(page)
    await screenshot(page, 'pledge-outdated')
    assert.equal(posts.length, 4)
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))

test('step ① on a 375 px phone, and the registration form that cannot be loaded', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const { page } = await stubbedPage(PHONE, [problem(503, 'HTTP_503', '系统繁忙，请稍后再试')])
    await page.goto('/sh/register')
    await seeText(page, '注册信息加载失败，请重新加载')
    assert.equal(await page.getByLabel('证件号码').count(), 0, 'no form without the registration form')
    await screenshot(page, 'load-failed')
    await button(page, '重新加载').click()
    await choose(page, '主考学校', '上海中医药大学')
    await page.getByLabel('报名专业', { exact: true }).click()
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    await expectNoHorizontalScroll(page) // the long major wraps
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '中医养生保健' }).click()
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
    await expectLabelled(page)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'phone-choice')
    await page.context().close()
  }))

// ---- step ④ as photo-service's approval says, answered by the test (GET …/photos/approval, docs/SHANGHAI.md) ----

/** A Shanghai page logged in (a token nobody checks: every call it makes here is answered by the test or public). */
async function pageWithApprovals(states, device = DESKTOP) {
  const page = await newPage(browser, device)
  await page.addInitScript(() => sessionStorage.setItem('baokao.sh.access', 'stub-token'))
  const asked = []
  await page.route('**/sh/api/photos/approval', (route) => {
    asked.push(states[0].status)
    return route.fulfill({ json: states.length > 1 ? states.shift() : states[0] })
  })
  return { page, asked }
}

function approvalOf(status, more = {}) {
  return { status, label: status, reason: null, failedComparisons: 0, requiredProofs: [], ...more }
}

test('④ waits for the comparison of the photo just submitted, then says approved; a failed one offers another photo; proofs lead to /review',
  { timeout: 90000 }, () => photographFailure(browser, async () => {
    // the approval still shows the state before the photo, then the comparison runs, then passes
    let { page, asked } = await pageWithApprovals([approvalOf('PHOTO_REQUIRED'), approvalOf('CHECKING'),
      approvalOf('CHECKING'), approvalOf('APPROVED')])
    await page.goto('/sh/register/result?after=0')
    await seeText(page, '正在进行照片质量检测和公安人脸识别比对')
    await screenshot(page, 'result-checking')
    await seeText(page, '比对通过，注册审核已通过')
    assert.deepEqual(asked, ['PHOTO_REQUIRED', 'CHECKING', 'CHECKING', 'APPROVED'], 'asked until the state was newer')
    assert.match(await page.getByRole('link', { name: '报名信息' }).getAttribute('href'), /\/sh\/home$/)
    await checkPage(page)
    await screenshot(page, 'result-approved')
    await page.context().close();

    // a failed comparison: why, how many so far, and another photo
    ({ page } = await pageWithApprovals([approvalOf('CHECKING'), approvalOf('PHOTO_REQUIRED', { failedComparisons: 1 })],
      PHONE))
    await page.goto('/sh/register/result?after=0')
    await seeText(page, '比对未通过')
    await seeText(page, '已比对1次')
    await expectLabelled(page)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'result-comparison-failed')
    await page.getByRole('link', { name: '重新上传照片' }).click()
    await page.waitForURL(/\/sh\/register\/photo$/)
    await seeText(page, '照片与身份信息比对未通过（已比对1次）')
    await screenshot(page, 'photo-after-failed-comparison')
    await page.context().close();

    // proofs needed: the reason, what to upload, the proofs page
    ({ page } = await pageWithApprovals([approvalOf('PROOFS_REQUIRED', { reason: '人像比对3次未通过，请上传证明材料',
      failedComparisons: 3, requiredProofs: ['ID_CARD_FRONT', 'ID_CARD_BACK', 'HOLDING_ID'] })]))
    await page.goto('/sh/register/result')
    await seeText(page, '需要上传证明材料，进行人工审核')
    await seeText(page, '人像比对3次未通过，请上传证明材料')
    await seeText(page, '请上传：证件正面照片、证件反面照片、手持证件半身照')
    assert.match(await page.getByRole('link', { name: '上传证明材料' }).getAttribute('href'), /\/sh\/review$/)
    await checkPage(page)
    await screenshot(page, 'result-proofs-required')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))

test('Shandong (ROSTER, the running stack): 考生注册 as before, none of Shanghai\'s steps', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    await page.goto('/sd/register')
    await seeHeading(page, '考生注册')
    await page.getByLabel('绑定手机号').waitFor()
    for (const label of ['姓名', '主考学校', '报名专业', '电子邮箱']) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 0, `no ${label} with the roster gate`)
    }
    assert.equal(await page.getByRole('checkbox', { name: '我同意' }).count(), 0)
    assert.equal(await page.getByRole('navigation', { name: '新考生注册步骤' }).count(), 0)
    await waitForText(page.locator('.acc-hint'), '注：密码为8-16位')
    await screenshot(page, 'shandong-roster')
    await page.context().close()
  }))
