// OPS-3, SST-5: 实践课审核 in the operator console. A new Shanghai candidate of 复旦大学 新闻学 registers the practical
// course 新闻摄影（实践）, which the plan marks 须经主考学校审核后缴费; 复旦大学's reviewer logs in to the console through
// Keycloak, finds it waiting, approves it; the candidate's course page then says 审核通过. 上海中医药大学's reviewer
// sees none of it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { BAOKAO_URL, DESKTOP, launch, newPage, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk } from './support/console.mjs'
import { forceComparison, newShanghaiCandidate, passPhotoStep, passStepOne, passStepTwo } from './support/sh-register.mjs'
import { button, seeText, waitForText } from './support/ui.mjs'

const SELF_STUDY = `${BAOKAO_URL}/sh/api/enrollments/self-study`
const PHOTOGRAPHY = { code: '10287', name: '新闻摄影（实践）' }
const EVENT_PATIENCE = 90000

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

async function call(token, method, path, body) {
  const response = await fetch(path, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** Waits until the course page answers (the university of registration reaches enrollment-service by event). */
async function coursePage(token) {
  const deadline = Date.now() + EVENT_PATIENCE
  for (;;) {
    try {
      const page = await call(token, 'GET', `${SELF_STUDY}/courses`)
      if (page.universities?.length) return page
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    if (Date.now() > deadline) throw new Error('the course page never showed the university')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** 个人信息 and 问卷 as the pages send them (the first option of each), so the candidate may choose courses. */
async function readyForCourses(token) {
  const profile = await call(token, 'GET', `${SELF_STUDY}/profile`)
  const fields = { mailingAddress: '上海市杨浦区邯郸路220号', postcode: '200433' }
  for (const [field, path] of Object.entries(profile.dictionaries)) {
    const entries = await call(token, 'GET', `${BAOKAO_URL}/sh${path}`)
    fields[field] = entries.entries[0].code
  }
  await call(token, 'PUT', `${SELF_STUDY}/profile`, fields)
  const survey = await call(token, 'GET', `${SELF_STUDY}/questionnaire`)
  const answers = Object.fromEntries(survey.questions.filter((q) => q.required)
    .map((q) => [q.id, q.kind === 'MULTIPLE' ? [q.options[0]] : q.options[0]]))
  await call(token, 'POST', `${SELF_STUDY}/questionnaire`, { version: survey.version, answers })
}

function practical(page, code) {
  return page.universities.flatMap((u) => u.practicalCourses).find((c) => c.code === code)
}

test('复旦大学\'s reviewer approves a practical course in 实践课审核; the candidate sees 审核通过', { timeout: 8 * 60 * 1000 },
  () => photographFailure(browser, async () => {
    const candidate = newShanghaiCandidate()
    await forceComparison(candidate.idNumber, 'MATCH')
    const page = await newPage(browser, DESKTOP)
    await page.goto('/sh/register')
    await passStepOne(page, candidate, { university: '复旦大学', major: '新闻学' })
    // the access token the registration answered (the UI keeps it in memory only, docs/WEB.md "Session")
    const registered = page.waitForResponse((r) => r.url().endsWith('/sh/api/accounts/public/registrations')
      && r.request().method() === 'POST' && r.ok())
    await passStepTwo(page, candidate, '沪实践考生')
    const token = (await (await registered).json()).access_token
    await passPhotoStep(page, candidate)
    await seeText(page, '比对通过，注册审核已通过', EVENT_PATIENCE)
    await coursePage(token)
    await readyForCourses(token)
    const chosen = await call(token, 'PUT', `${SELF_STUDY}/courses/selection`, { remoteAreaCode: null, theory: [],
      practical: [{ universityCode: '10246', courseCode: PHOTOGRAPHY.code }] })
    assert.equal(practical(chosen, PHOTOGRAPHY.code).state, 'AWAITING_REVIEW')

    // 上海中医药大学's reviewer: not their university, nothing to see
    const other = await consoleLogin(browser, 'reviewer-shutcm')
    await openDesk(other, '实践课审核')
    await seeText(other, '没有符合条件的实践课程报考')
    await other.context().close()

    const reviewer = await consoleLogin(browser, 'reviewer-fudan')
    await openDesk(reviewer, '实践课审核')
    // the candidate's row by their 准考证号 (an approved new candidate has one at once, SST-7)
    const { admissionNumber } = await call(token, 'GET', `${SELF_STUDY}/readiness`)
    assert.match(admissionNumber ?? '', /^\d{12}$/)
    const mine = reviewer.locator('.el-table__row').filter({ hasText: admissionNumber })
    await waitForText(mine, PHOTOGRAPHY.name, 'the candidate\'s row in 实践课审核')
    await waitForText(mine, '待主考学校审核', 'the candidate\'s row in 实践课审核')
    await screenshot(reviewer, 'practical-queue')
    await button(mine, '审核通过').click()
    const dialog = reviewer.getByRole('dialog', { name: '审核通过' })
    await dialog.getByLabel('审核意见（选填）').fill('同意报考')
    await button(dialog, '确定').click()
    await seeText(reviewer, '已审核通过')
    await reviewer.context().close()

    const after = await call(token, 'GET', `${SELF_STUDY}/courses`)
    assert.equal(practical(after, PHOTOGRAPHY.code).state, 'APPROVED')
    await page.goto('/sh/courses?kind=practical')
    await waitForText(page.locator(`[data-course="${PHOTOGRAPHY.code}"]`), '审核通过', 'the practical course row')
    await screenshot(page, 'practical-approved')
  }))
