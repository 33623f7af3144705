// ACC-3 open registration (Shanghai 新考生注册) on Shanghai's registration page (/sh/register, BUR-1: the bureau's
// password rule, 6–16, comes from the running stack). The test answers GET …/registration-form with an OPEN form of
// its own universities (page.route) and answers the registrations POST itself, capturing what the page sends:
// nothing is registered, no SMS is sent. Also: the page when the form cannot be loaded, and Shandong's real (ROSTER)
// page (/sd/register) without the OPEN fields.
// Screenshots: e2e/screenshots/open-registration-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  DESKTOP, PHONE, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import { newCandidate } from './support/stack.mjs'
import { button, choose, expectFieldError, formItem, seeHeading, seeText, tick } from './support/ui.mjs'

const FORM_PATH = '**/api/accounts/public/registration-form'
const REGISTRATIONS_PATH = '**/api/accounts/public/registrations'
const NAME = '阿卜杜·热合曼'
const FUDAN_NOTICE = '本校实践课程须经人工审核后缴费'
const OPEN_FORM = {
  examCode: 'SH-ZK-2023',
  gate: 'OPEN',
  password: { minLength: 6, maxLength: 16, requiredClasses: 1 }, // Shanghai: 6–16
  universities: [
    {
      code: '10246', name: '复旦大学',
      notice: `${FUDAN_NOTICE}。实践课程考核安排以本校自学考试办公室网站公布为准，请考生报名后及时关注；` +
        '专业课程免考须在规定时间内持相关证明材料到校现场办理。',
      majors: [{ code: 'C050201', name: '英语' }, { code: 'C020106', name: '金融管理' }],
    },
    {
      code: '10269', name: '华东师范大学', notice: null,
      majors: [
        { code: 'C040106', name: '学前教育' },
        { code: 'C080901', name: '计算机科学与技术（独立本科段·网络工程与信息安全方向）' }, // long: wraps on a phone
      ],
    },
  ],
}

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

function problem(status, code, detail) {
  return { status, contentType: 'application/problem+json', body: JSON.stringify({
    type: 'about:blank', title: 'Bad Request', status, detail, code,
  }) }
}

/** The 201 of the real open gate: masked, with the chosen university and major (collegeName null). */
function registered(body) {
  const university = OPEN_FORM.universities.find((u) => u.code === body.universityCode)
  const major = university.majors.find((m) => m.code === body.majorCode)
  return { status: 201, contentType: 'application/json', body: JSON.stringify({
    candidateId: '7d7c2f0e-5a7b-4f5c-9a4e-2b1f3c4d5e6f', maskedIdNumber: `${body.idNumber.slice(0, 3)}***`,
    maskedName: '阿*', maskedPhone: `${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`, gender: '男',
    birthDate: '1998-01-01', collegeName: null, universityName: university.name, majorName: major.name,
  }) }
}

/**
 * A page whose registration form is `form` (or whatever `formAnswers` answers, one per load) and whose registration
 * POSTs are captured in `posts` and answered by `answers` (queued; a 201 when the queue is empty).
 */
async function stubbedPage(device = DESKTOP, formAnswers = null) {
  const page = await newPage(browser, device)
  const posts = []
  const answers = []
  await page.route(FORM_PATH, (route) => route.fulfill(formAnswers?.shift() ?? {
    status: 200, contentType: 'application/json', body: JSON.stringify(OPEN_FORM),
  }))
  await page.route(REGISTRATIONS_PATH, (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    const body = route.request().postDataJSON()
    posts.push(body)
    return route.fulfill(answers.shift() ?? registered(body))
  })
  return { page, posts, answers }
}

/** The select's shown value (its placeholder when nothing is chosen). */
async function shown(page, label) {
  return (await formItem(page, label).locator('.el-select__placeholder').textContent()).trim()
}

/** The options of an Element Plus select by its label (opens and closes it). */
async function optionsOf(page, label) {
  await page.getByLabel(label, { exact: true }).click()
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.first().waitFor()
  const texts = (await options.allTextContents()).map((t) => t.trim())
  await page.keyboard.press('Escape')
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
  return texts
}

/** Presses 注册 and answers the body of the registration POST it sends (answered by the stub). */
async function submitAnswered(page) {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/api/accounts/public/registrations') && r.method() === 'POST'),
    button(page, '注册').click(),
  ])
  return request.postDataJSON()
}

test('OPEN gate: 姓名, 主考学校 and 报名专业 with the university\'s 温馨提示, refusals by the field, the choice sent',
  { timeout: 90000 }, () => photographFailure(browser, async () => {
    const candidate = newCandidate('Ab1@cd') // 6 characters: allowed by this form's 6–16
    const { page, posts, answers } = await stubbedPage()
    await page.goto('/sh/register')
    await seeHeading(page, '新考生注册')
    for (const label of ['姓名', '主考学校', '报名专业']) {
      await page.getByLabel(label, { exact: true }).waitFor()
    }
    // the manual's order: ID, then 姓名, 主考学校, 报名专业, then the password
    const labels = (await page.locator('.acc-form .el-form-item__label').allTextContents()).map((t) => t.trim())
      .filter(Boolean)
    assert.deepEqual(labels.slice(0, 6), ['证件类型', '证件号码', '姓名', '主考学校', '报名专业', '登录密码'])
    await seeText(page, '注：密码长度为6-16位')
    assert.ok(await page.getByLabel('报名专业', { exact: true }).isDisabled(), '报名专业 waits for a university')
    assert.equal(await shown(page, '报名专业'), '请先选择主考学校')
    assert.equal(await page.getByText('温馨提示').count(), 0, 'no 温馨提示 before a university is chosen')
    await checkPage(page)
    await screenshot(page, 'open-empty')

    // choosing a university fills its majors and shows its 温馨提示
    assert.deepEqual(await optionsOf(page, '主考学校'), ['复旦大学', '华东师范大学'])
    await choose(page, '主考学校', '复旦大学')
    assert.ok(!(await page.getByLabel('报名专业', { exact: true }).isDisabled()), '报名专业 open once chosen')
    assert.deepEqual(await optionsOf(page, '报名专业'), ['英语（C050201）', '金融管理（C020106）'])
    await seeText(page, '复旦大学温馨提示')
    await seeText(page, FUDAN_NOTICE)
    await choose(page, '报名专业', '英语')
    assert.equal(await shown(page, '报名专业'), '英语（C050201）')

    // another university: its majors, the major chosen before is cleared, no notice (it has none)
    await choose(page, '主考学校', '华东师范大学')
    assert.equal(await shown(page, '报名专业'), '请选择报名专业', 'the major is cleared with the university')
    await page.getByText(FUDAN_NOTICE).waitFor({ state: 'hidden' })
    assert.deepEqual(await optionsOf(page, '报名专业'),
      ['学前教育（C040106）', '计算机科学与技术（独立本科段·网络工程与信息安全方向）（C080901）'])
    await choose(page, '主考学校', '复旦大学')
    await choose(page, '报名专业', '金融管理')

    await page.getByLabel('证件号码').fill(candidate.idNumber)
    await page.getByLabel('姓名', { exact: true }).fill('阿卜杜1')
    await page.getByLabel('登录密码').fill(candidate.password)
    await page.getByLabel('确认密码').fill(candidate.password)
    await page.getByLabel('绑定手机号').fill(candidate.phone)
    await page.getByLabel('短信验证码').fill('123456') // the POST is answered by the test: any 6 digits
    await page.getByLabel('验证码', { exact: true }).fill('abcd')
    await tick(page, /我已阅读并同意/)
    await checkPage(page)
    await screenshot(page, 'open-filled')

    // the server's refusals of the new fields, next to them
    answers.push(problem(400, 'NAME_DIGITS', '姓名不能包含数字'))
    await submitAnswered(page)
    await expectFieldError(page, '姓名', '姓名不能包含数字')
    await page.getByLabel('姓名', { exact: true }).fill(NAME)
    await page.getByLabel('验证码', { exact: true }).fill('abcd') // reloaded after every request carrying it
    answers.push(problem(400, 'MAJOR_NOT_OFFERED', '复旦大学没有开设所选专业，请重新选择'))
    const refused = await submitAnswered(page)
    assert.equal(refused.majorCode, 'C020106')
    await expectFieldError(page, '报名专业', '复旦大学没有开设所选专业，请重新选择')
    await page.waitForFunction(() => document.querySelectorAll('.el-form-item__error').length === 1, null,
      { timeout: 5000 }).catch(() => assert.fail('only 报名专业 shows a refusal'))
    assert.match(page.url(), /\/sh\/register/)
    await checkPage(page)
    await screenshot(page, 'open-major-not-offered')

    // registered: the body carries the name as typed and the choice; the answer's university and major shown
    await choose(page, '报名专业', '英语')
    await page.getByLabel('验证码', { exact: true }).fill('abcd')
    const body = await submitAnswered(page)
    assert.equal(body.name, NAME)
    assert.equal(body.universityCode, '10246')
    assert.equal(body.majorCode, 'C050201')
    assert.equal(body.password, candidate.password)
    assert.equal(body.idNumber, candidate.idNumber)
    assert.equal(posts.length, 3, 'three registrations sent: two refused, one answered 201')
    await page.waitForURL(/\/sh\/login/)
    await seeText(page, '注册成功（复旦大学 · 英语），请登录')
    await screenshot(page, 'open-registered')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    await page.context().close()
  }))

test('OPEN gate on a 375 px phone: labelled, the 温馨提示 and long majors fit the screen', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const { page } = await stubbedPage(PHONE)
    await page.goto('/sh/register')
    await seeHeading(page, '新考生注册')
    await page.getByLabel('姓名', { exact: true }).fill(NAME)
    await choose(page, '主考学校', '华东师范大学')
    await page.getByLabel('报名专业', { exact: true }).click()
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    await expectNoHorizontalScroll(page) // the open list too
    await screenshot(page, 'open-phone-majors')
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '计算机科学与技术' }).click()
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
    assert.match(await shown(page, '报名专业'), /^计算机科学与技术/)
    await expectNoHorizontalScroll(page)
    await choose(page, '主考学校', '复旦大学')
    await choose(page, '报名专业', '英语')
    await seeText(page, FUDAN_NOTICE)
    await expectLabelled(page)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'open-phone-filled')
    await page.context().close()
  }))

test('the registration form cannot be loaded: a Chinese error and 重新加载, then the form', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const { page, posts } = await stubbedPage(DESKTOP, [problem(503, 'HTTP_503', '系统繁忙，请稍后再试')])
    await page.goto('/sh/register')
    await seeText(page, '注册信息加载失败，请重新加载')
    await seeText(page, '系统繁忙，请稍后再试')
    assert.equal(await page.getByLabel('证件号码').count(), 0, 'no form without the registration form')
    await checkPage(page)
    await screenshot(page, 'load-failed')
    await button(page, '重新加载').click()
    await seeHeading(page, '新考生注册')
    await page.getByLabel('主考学校', { exact: true }).waitFor()

    // the page's own checks name the missing choices before anything is sent
    await button(page, '注册').click()
    await expectFieldError(page, '姓名', '请填写姓名')
    await expectFieldError(page, '主考学校', '请选择报考的主考学校')
    await expectFieldError(page, '报名专业', '请选择报考专业')
    assert.equal(posts.length, 0, 'nothing sent while the form is incomplete')
    await checkPage(page)
    await screenshot(page, 'open-missing-choices')
    await page.context().close()
  }))

test('ROSTER gate (Shandong on the running stack, not stubbed): 考生注册 without the OPEN fields', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    const [formAnswer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/sd/api/accounts/public/registration-form')),
      page.goto('/sd/register'),
    ])
    assert.equal((await formAnswer.json()).gate, 'ROSTER', 'Shandong registers by the roster')
    await seeHeading(page, '考生注册')
    await page.getByLabel('证件号码').waitFor()
    for (const label of ['姓名', '主考学校', '报名专业']) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 0, `no ${label} with the roster gate`)
    }
    assert.equal(await page.getByText('温馨提示').count(), 0)
    await seeText(page, '注：密码为8-16位')
    await checkPage(page)
    await screenshot(page, 'roster')
    await page.context().close()
  }))
