// Issue 19 in the browser, on the running stack (./baokao up): a new Shanghai 自考 candidate's whole course
// registration (seed 004 §3, ENR-8, ENR-9, SST-4..7, PAY-2, PAY-5, PAY-7).
// - 新考生注册 at /sh/register with a 居民身份证 (the sandbox identity provider told to match this ID number only): the
//   comparison passes, so the registration is approved; the registration's SMS code verified the phone.
// - 理论课报考 is refused (个人信息不完整, 问卷调查 not answered), each reason with its link; 个人信息 修改 → the starred
//   fields → 确认提交; 问卷调查 → 提交问卷 → back to 个人信息; 报考其他学校 华东师范大学.
// - 课程报考: 远郊考区意向; a theory course at 复旦大学, then one at 华东师范大学 in the same half-day slot, refused with
//   the server's message under it and unticked; another 华东师范大学 course; 结算 with the total.
// - 课程费用支付: 公共支付 → 考生报考承诺书 我同意 → 下一步 → 去缴费 → the QR code, decoded here (jsQR) and opened in a
//   375 px page (the sandbox public payment platform's phone page) → 确认支付; meanwhile the course page says 支付中; the
//   PC page shows 支付成功 and 已支付 by itself.
// - 追加课程: one more course, paid the same way; every course 已支付, the 准考证号 (26 + 复旦大学's code + 5 digits) on
//   报名信息; 电子票据 and 报考信息确认单 downloaded (PDF). A phone-size pass of the course and payment pages.
// The majors are the demo plan's (enrollment-service DemoShanghaiExam: 复旦大学 新闻学 and 华东师范大学 学前教育 share
// their half-day slots); the courses are chosen from the course page's own JSON. Screenshots:
// e2e/screenshots/sh-courses-NN-*.png.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, test } from 'node:test'
import {
  DESKTOP, PHONE, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import { decodeQr } from './support/qr.mjs'
import { sleep } from './support/stack.mjs'
import {
  forceComparison, logInAtShanghai, newShanghaiCandidate, passPhotoStep, passStepOne, passStepTwo,
} from './support/sh-register.mjs'
import {
  button, expectShown, pick, seeHeading, seeText, shown, submitOk, tick, waitForText,
} from './support/ui.mjs'

const FUDAN = { name: '复旦大学', code: '10246', major: '新闻学' }
const ECNU = { name: '华东师范大学', major: '学前教育' }
const SELF_STUDY = '/sh/api/enrollments/self-study'
/** The comparison, the approval and the payments travel between services by events: more patience than a page. */
const EVENT_PATIENCE = 90000

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

function pathOf(response) {
  return new URL(response.url()).pathname
}

/**
 * The answer to the page's next `method` call of `path` (the gateway's address, /sh/api/…, or a RegExp of it), caused
 * by `action`.
 */
async function answerOf(page, method, path, action) {
  const matches = (r) => (path instanceof RegExp ? path.test(pathOf(r)) : pathOf(r) === path)
  const [response] = await Promise.all([
    page.waitForResponse((r) => matches(r) && r.request().method() === method),
    action(),
  ])
  return response
}

/** Waits until a checkbox is unticked (the page unticks a refused one once it has read the server's state again). */
async function expectUnticked(box, what) {
  for (let i = 0; i < 100 && await box.isChecked(); i++) await sleep(100)
  assert.equal(await box.isChecked(), false, what)
}

function yuan(fen) {
  return (fen / 100).toFixed(2)
}

function slotKey(course) {
  return `${course.slot.date} ${course.slot.halfDay}`
}

/** The codes of the readiness blockers the course page shows, in order. */
async function blockersShown(page) {
  await page.locator('[data-blocker]').first().waitFor()
  return page.locator('.cs-blockers [data-blocker]').evaluateAll((alerts) => alerts.map((a) => a.dataset.blocker))
}

/** 理论课报考 on 报名信息 → the course page; answers the course page's JSON when it could be read. */
async function openTheoryCourses(page) {
  const response = await answerOf(page, 'GET', `${SELF_STUDY}/courses`,
    () => page.getByRole('navigation', { name: '课程报考' }).getByRole('link', { name: '理论课报考' }).click())
  await page.waitForURL(/\/sh\/courses\?kind=theory$/)
  await seeHeading(page, '课程报考')
  return response.ok() ? response.json() : null
}

function courseBox(page, course) {
  return page.getByRole('checkbox', { name: `选择《${course.name}》（${course.university}）`, exact: true })
}

function courseRow(page, course) {
  return page.getByRole('table', { name: `${course.university}理论类课程` }).locator(`tr[data-course="${course.code}"]`)
}

/** Ticks a course's 选择 (the drawn box: the page saves at once); answers the selection's PUT. */
async function tickCourse(page, course) {
  const box = courseBox(page, course)
  return answerOf(page, 'PUT', `${SELF_STUDY}/courses/selection`,
    () => page.locator('.el-checkbox').filter({ has: box }).click())
}

async function expectState(page, course, state) {
  await waitForText(courseRow(page, course).locator('td[data-label="状态"]'), state,
    `the state of 《${course.name}》（${course.university}）`, EVENT_PATIENCE)
}

/** Clicks `trigger`, takes the download it starts: its Chinese file name, a PDF of a plausible size. */
async function downloadPdf(page, trigger, fileName) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()])
  assert.equal(file.suggestedFilename(), fileName)
  const bytes = readFileSync(await file.path())
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF', `${fileName} is a PDF`)
  assert.ok(bytes.length > 5000 && bytes.length < 10_000_000, `${fileName}: ${bytes.length} bytes`)
  return bytes
}

/**
 * 结算 → 课程费用支付: the items and total, 公共支付 → 考生报考承诺书 (我同意 → 下一步), 去缴费 → the QR code; the phone
 * scans it (decoded here) and pays on the platform's phone page; the PC page shows 支付成功 and 已支付. `whilePending`
 * runs while the platform waits (the course page's 支付中). Answers the course order.
 */
async function settleAndPay(page, courses, tag, whilePending = async () => {}) {
  const totalFen = courses.reduce((sum, c) => sum + c.feeFen, 0)
  await waitForText(page.locator('.cs-settle-summary'), `合计 ${yuan(totalFen)} 元`, 'the total beside 结算')
  const placed = await answerOf(page, 'POST', `${SELF_STUDY}/course-orders`, () => button(page, '结算').click())
  assert.equal(placed.status(), 201, await placed.text())
  const order = await placed.json()
  assert.equal(order.status, 'AWAITING_PLEDGE')
  assert.equal(order.totalFen, totalFen)
  assert.deepEqual(order.items.map((i) => i.courseCode).sort(), courses.map((c) => c.code).sort())
  await page.waitForURL(new RegExp(`/sh/course-orders/${order.id}$`))
  await seeHeading(page, '课程费用支付')
  const items = page.getByRole('table', { name: '课程费用' })
  for (const course of courses) await waitForText(items, course.name, 'the order\'s items')
  await waitForText(items.locator('tfoot'), yuan(totalFen), 'the order\'s total')
  await checkPage(page)
  await screenshot(page, `${tag}-order`)

  // 支付方式 公共支付 opens the 考生报考承诺书; 我同意 → 下一步 places the order
  await page.locator('.el-radio').filter({ hasText: '公共支付' }).click()
  const dialog = page.getByRole('dialog', { name: '考生报考承诺书' })
  await dialog.waitFor()
  if (order.pledge?.text) {
    await waitForText(dialog, order.pledge.text.trim().split('\n')[0].trim().slice(0, 16), 'the pledge\'s text')
  }
  await tick(page, '我同意')
  await expectLabelled(page)
  await screenshot(page, `${tag}-pledge`)
  await submitOk(page, button(dialog, '下一步'), `/course-orders/${order.id}/pledge`)
  await dialog.waitFor({ state: 'hidden' })

  // payment-service opens the fee order from CourseOrderPlaced; 去缴费 sends it to the public payment platform
  await button(page, '去缴费').waitFor({ timeout: EVENT_PATIENCE })
  await checkPage(page)
  await screenshot(page, `${tag}-to-pay`)
  const sent = await answerOf(page, 'POST', /^\/sh\/api\/payments\/orders\/[^/]+\/pay$/,
    () => button(page, '去缴费').click())
  assert.ok(sent.ok(), `去缴费: ${sent.status()} ${await sent.text()}`)
  assert.ok(sent.request().headers()['idempotency-key'], '去缴费 sends an Idempotency-Key')
  const feeOrder = await sent.json()
  assert.equal(feeOrder.status, 'PENDING')
  assert.equal(feeOrder.amountFen, totalFen)
  assert.equal(feeOrder.enrollmentId, order.id, 'the fee order is the course order\'s')
  await seeText(page, '请使用手机扫描二维码完成支付')
  await waitForText(page.getByTestId('course-order-status'), '支付中', 'the order at the platform')
  const countdown = (await page.getByTestId('countdown').innerText()).trim()
  assert.match(countdown, /^(29|30):[0-5]\d$/, `剩余支付时间 counts down the 30 minutes: ${countdown}`)
  // 刷新订单状态 asks the platform and says what it found: nothing paid yet
  await button(page, '刷新订单状态').click()
  await seeText(page, '尚未收到您的付款')
  await checkPage(page)
  const qr = page.getByRole('img', { name: '支付二维码' })
  await qr.waitFor()
  await page.waitForFunction(() => document.querySelector('img[alt="支付二维码"]')?.naturalWidth > 0)
  await screenshot(page, `${tag}-qr`)
  const scanned = decodeQr(await qr.screenshot())
  assert.match(scanned, /\/sandbox\/bank\/public_payment_platform\/scan\/[A-Za-z0-9]+$/, 'the QR code is the platform\'s phone page')

  await whilePending()

  // the phone that scanned it: the platform's page, 375 px, 确认支付
  const phone = await newPage(browser, PHONE)
  await phone.goto(scanned)
  await seeText(phone, '上海市公共支付平台（沙箱）')
  await seeText(phone, yuan(totalFen))
  await expectNoHorizontalScroll(phone)
  await screenshot(phone, `${tag}-platform-phone`)
  await button(phone, '确认支付').click()
  await seeHeading(phone, '支付成功')
  await screenshot(phone, `${tag}-platform-paid`)
  await phone.context().close()

  // the PC page learns it by asking: 支付成功, and the courses 已支付 once enrollment-service has the payment
  await seeHeading(page, '支付成功', EVENT_PATIENCE)
  await waitForText(page.getByTestId('course-order-status'), '已支付', 'the paid order', EVENT_PATIENCE)
  await button(page, '下载电子票据').waitFor()
  await checkPage(page)
  await screenshot(page, `${tag}-paid`)
  return order
}

test('a new Shanghai candidate completes 个人信息 and 问卷, chooses courses at two universities, pays by QR code, adds a course and downloads the receipt and the 确认单',
  { timeout: 12 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = newShanghaiCandidate()
    await forceComparison(candidate.idNumber, 'MATCH')

    // 新考生注册: approved by the comparison; the registration's SMS code verified the phone
    const page = await newPage(browser, DESKTOP)
    await page.goto('/sh/register')
    await seeHeading(page, '新考生注册')
    await passStepOne(page, candidate, { university: FUDAN.name, major: FUDAN.major })
    await passStepTwo(page, candidate, '沪课考生')
    await passPhotoStep(page, candidate)
    await seeText(page, '比对通过，注册审核已通过', EVENT_PATIENCE)
    await page.getByRole('link', { name: '报名信息' }).click()
    await page.waitForURL(/\/sh\/home$/)
    // the university of registration reaches enrollment-service by event
    await waitForText(shown(page, '报考信息', '主考学校'), FUDAN.name, '报考信息 · 主考学校', EVENT_PATIENCE)
    await screenshot(page, 'home')

    // 理论课报考 is refused until 个人信息 is complete and the 问卷 answered, each with its link; no course to tick
    await openTheoryCourses(page)
    assert.deepEqual(await blockersShown(page), ['PROFILE_INCOMPLETE', 'QUESTIONNAIRE_REQUIRED'],
      'the phone was verified at registration')
    const profileBlocker = page.locator('[data-blocker="PROFILE_INCOMPLETE"]')
    await waitForText(profileBlocker, '个人信息不完整', 'the 个人信息不完整 blocker')
    assert.equal(await page.getByRole('checkbox').count(), 0, 'no course can be chosen yet')
    await checkPage(page)
    await screenshot(page, 'courses-refused')
    const toProfile = profileBlocker.getByRole('link', { name: '去完善个人信息' })
    assert.match(await toProfile.getAttribute('href'), /^\/sh\/home$/, 'the link keeps the bureau\'s prefix')
    await toProfile.click()
    await page.waitForURL(/\/sh\/home$/)

    // 个人信息: 修改 → the starred fields → 确认提交
    const person = page.getByRole('region', { name: '个人信息' })
    await waitForText(person, '个人信息不完整', 'the incomplete 个人信息')
    await button(person, '修改').click()
    const form = page.getByRole('form', { name: '修改个人信息' })
    await form.waitFor()
    const starred = (await form.locator('.el-form-item.is-required .el-form-item__label').allTextContents())
      .map((t) => t.trim())
    assert.deepEqual(starred, ['民族', '政治面貌', '文化程度', '职业', '通讯地址', '邮政编码'])
    const chosen = {}
    for (const label of ['民族', '政治面貌', '文化程度', '职业']) {
      await form.getByLabel(label, { exact: true }).click()
      const option = page.locator('.el-select-dropdown__item:visible').first()
      chosen[label] = (await option.textContent()).trim()
      await option.click()
      await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
    }
    await form.getByLabel('通讯地址').fill('上海市徐汇区漕溪北路331号')
    await form.getByLabel('邮政编码').fill('200030')
    await form.getByLabel('工作单位').fill('上海某科技有限公司')
    await checkPage(page)
    await screenshot(page, 'profile-form')
    await submitOk(page, button(form, '确认提交'), `${SELF_STUDY}/profile`)
    await form.waitFor({ state: 'hidden' })
    for (const [label, name] of Object.entries(chosen)) await expectShown(page, '个人信息', label, name)
    await expectShown(page, '个人信息', '通讯地址', '上海市徐汇区漕溪北路331号')
    await expectShown(page, '个人信息', '邮政编码', '200030')
    assert.equal(await person.getByText('个人信息不完整').count(), 0)
    await screenshot(page, 'profile-saved')

    // 问卷调查, then back to 个人信息 (seed: 问卷填写成功后…跳转到个人信息页)
    await openTheoryCourses(page)
    assert.deepEqual(await blockersShown(page), ['QUESTIONNAIRE_REQUIRED'])
    const surveyAnswer = await answerOf(page, 'GET', `${SELF_STUDY}/questionnaire`,
      () => page.locator('[data-blocker="QUESTIONNAIRE_REQUIRED"]').getByRole('link', { name: '去填写问卷' }).click())
    const survey = await surveyAnswer.json()
    await page.waitForURL(/\/sh\/questionnaire$/)
    await seeHeading(page, '问卷调查')
    await seeText(page, survey.title)
    await button(page, '提交问卷').click()
    await seeText(page, '还有必答题未作答')
    const answers = {}
    for (const q of survey.questions) {
      const box = page.locator(`fieldset[data-question="${q.id}"]`)
      if (q.kind === 'SINGLE') {
        await box.locator('.el-radio').filter({ hasText: q.options[0] }).first().click()
        answers[q.id] = q.options[0]
      } else if (q.kind === 'MULTIPLE') {
        answers[q.id] = q.options.slice(0, 2)
        for (const option of answers[q.id]) await box.locator('.el-checkbox').filter({ hasText: option }).first().click()
      } else {
        answers[q.id] = '希望报名期间多发短信提醒'
        await box.getByLabel(q.text).fill(answers[q.id])
      }
    }
    await checkPage(page)
    await screenshot(page, 'questionnaire')
    const submitted = await submitOk(page, button(page, '提交问卷'), `${SELF_STUDY}/questionnaire`)
    assert.deepEqual(submitted.request().postDataJSON(), { version: survey.version, answers })
    await page.waitForURL(/\/sh\/home\?questionnaire=submitted$/)
    await seeText(page, '问卷提交成功')
    await screenshot(page, 'questionnaire-done')

    // 报考其他学校 华东师范大学 (the existing dialog)
    await button(page, '报考其他学校').click()
    const dialog = page.getByRole('dialog', { name: '报考其他学校' })
    await dialog.waitFor()
    await pick(page, dialog, '主考学校', ECNU.name)
    await pick(page, dialog, '报名专业', ECNU.major)
    const added = await answerOf(page, 'POST', `${SELF_STUDY}/universities`, () => button(dialog, '确认报考').click())
    assert.equal(added.status(), 201, await added.text())
    await dialog.waitFor({ state: 'hidden' })
    await expectShown(page, '报考信息', '主考学校', ECNU.name)

    // 课程报考: nothing stops the candidate now; the courses of both universities
    const plan = await openTheoryCourses(page)
    assert.ok(plan, 'the course page answered')
    assert.deepEqual(plan.readiness.blockers, [])
    assert.equal(plan.readiness.mayPay, true, 'an approved new candidate may pay at once')
    assert.equal(await page.locator('[data-blocker]').count(), 0)
    const theory = (university) => {
      const held = plan.universities.find((u) => u.universityName === university.name)
      assert.ok(held, `the course page lists ${university.name}`)
      return held.theoryCourses.map((c) => ({ ...c, university: university.name }))
    }
    const fudanCourses = theory(FUDAN)
    const ecnuCourses = theory(ECNU)
    // a 复旦大学 course and a 华东师范大学 course in the same half-day slot; another slot for each later choice
    const first = fudanCourses.find((c) => ecnuCourses.some((e) => slotKey(e) === slotKey(c)))
    assert.ok(first, 'the demo plan puts a course of both universities in one half-day slot')
    const clash = ecnuCourses.find((e) => slotKey(e) === slotKey(first))
    const second = ecnuCourses.find((e) => slotKey(e) !== slotKey(first))
    const extra = [...fudanCourses, ...ecnuCourses].find((c) => ![first, second].some((x) => slotKey(x) === slotKey(c)))
    assert.ok(second && extra, 'the plan has three half-day slots for the candidate')
    await courseBox(page, first).waitFor({ state: 'attached' })
    await seeText(page, '注意事项')
    await seeText(page, '同一考试时间内不可以选择多门科目考试')
    await checkPage(page)
    await screenshot(page, 'courses')

    // 远郊考区意向 is saved with the selection
    const area = plan.remoteAreas[0]
    assert.ok(area, 'the sitting has outer exam areas')
    const areaSaved = await answerOf(page, 'PUT', `${SELF_STUDY}/courses/selection`,
      () => pick(page, page, '远郊考区意向', area.name))
    assert.ok(areaSaved.ok(), await areaSaved.text())
    assert.equal(areaSaved.request().postDataJSON().remoteAreaCode, area.code)

    // a tick saves the selection; the same slot at the other university is refused, its message under it
    const firstSaved = await tickCourse(page, first)
    assert.ok(firstSaved.ok(), await firstSaved.text())
    await expectState(page, first, '已选择')
    const refused = await tickCourse(page, clash)
    assert.equal(refused.status(), 409)
    const problem = await refused.json()
    assert.equal(problem.code, 'SLOT_CONFLICT')
    for (const part of [first.name, clash.name, FUDAN.name, ECNU.name, first.slot.label]) {
      assert.ok(problem.detail.includes(part), `the refusal names ${part}: ${problem.detail}`)
    }
    await waitForText(page.getByRole('table', { name: `${ECNU.name}理论类课程` }).locator('.cs-refusal'), problem.detail,
      'the refusal under the course')
    await expectUnticked(courseBox(page, clash), 'the refused course is unticked')
    await expectState(page, clash, '未选择')
    await screenshot(page, 'courses-slot-refused')
    const secondSaved = await tickCourse(page, second)
    assert.ok(secondSaved.ok(), await secondSaved.text())
    await expectState(page, second, '已选择')
    await checkPage(page)
    await screenshot(page, 'courses-selected')

    // 结算 → 课程费用支付 → QR code → the phone pays; while the platform waits the course page says 支付中
    const firstOrder = await settleAndPay(page, [first, second], 'first', async () => {
      await page.getByRole('link', { name: '返回课程报考' }).first().click()
      await page.waitForURL(/\/sh\/courses/)
      await expectState(page, first, '支付中')
      await expectState(page, second, '支付中')
      const shownOrder = page.locator('article.cs-order').first()
      await waitForText(shownOrder, '支付中', 'the order on the course page')
      await screenshot(page, 'courses-paying')
      await shownOrder.getByRole('link', { name: '去支付' }).click()
      await page.waitForURL(/\/sh\/course-orders\//)
      await page.getByRole('img', { name: '支付二维码' }).waitFor()
    })
    await page.getByRole('link', { name: '返回课程报考' }).first().click()
    await page.waitForURL(/\/sh\/courses/)
    await expectState(page, first, '已支付')
    await expectState(page, second, '已支付')

    // 追加课程: possible now every order is paid; the added course makes an order of its own
    const append = page.getByRole('region', { name: '追加课程' })
    await waitForText(append, '已提交的课程均已支付成功', 'the 追加课程 explanation')
    assert.equal(await courseBox(page, extra).isDisabled(), true, 'new courses wait for 追加课程')
    await button(append, '追加课程').click()
    const extraSaved = await tickCourse(page, extra)
    assert.ok(extraSaved.ok(), await extraSaved.text())
    await expectState(page, extra, '已选择')
    await checkPage(page)
    await screenshot(page, 'append')
    const secondOrder = await settleAndPay(page, [extra], 'appended')
    assert.notEqual(secondOrder.id, firstOrder.id)
    await page.getByRole('link', { name: '返回课程报考' }).first().click()
    await page.waitForURL(/\/sh\/courses/)
    for (const course of [first, second, extra]) await expectState(page, course, '已支付')
    const orders = page.locator('article.cs-order')
    await waitForText(orders.filter({ hasText: extra.name }), '已支付', 'the appended order')
    await waitForText(orders.filter({ hasText: first.name }), '已支付', 'the first order')
    await checkPage(page)
    await screenshot(page, 'courses-all-paid')

    // 电子票据 of the first order and the 报考信息确认单
    await downloadPdf(page, orders.filter({ hasText: first.name }).getByRole('button', { name: '电子票据' }),
      '自考课程报考费电子票据.pdf')
    await downloadPdf(page, button(page, '下载报考信息确认单'), '报考信息确认单.pdf')

    // 报名信息: the 准考证号 of the approved new candidate (SST-7: year of the sitting, university of registration, 5 digits)
    await page.getByRole('link', { name: '返回报名信息' }).click()
    await page.waitForURL(/\/sh\/home$/)
    await pick(page, page.locator('.home-switch'), '主考学校', FUDAN.name)
    await waitForText(shown(page, '报考信息', '准考证号'), new RegExp(`26${FUDAN.code}\\d{5}`), '准考证号', EVENT_PATIENCE)
    await screenshot(page, 'home-admission-number')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')

    // on a phone: the course page and a paid order's page fit 375 px
    const phone = await newPage(browser, PHONE)
    await logInAtShanghai(phone, candidate)
    await openTheoryCourses(phone)
    await expectState(phone, first, '已支付')
    await expectLabelled(phone)
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'courses-phone')
    await phone.getByRole('tab', { name: '实践类课程' }).click()
    await phone.waitForURL(/kind=practical/)
    await expectLabelled(phone)
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'practical-phone')
    await phone.goto(`/sh/course-orders/${firstOrder.id}`)
    await seeHeading(phone, '支付成功')
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'order-phone')
    assert.deepEqual(phone.consoleErrors, [], 'no uncaught errors on the phone')
    await phone.context().close()
  }))
