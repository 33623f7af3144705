// ENR-8 (first half) in the browser, on the running stack: a Shanghai 自考 candidate (新考生注册 through the API in the
// set-up, at /sh/, with the sandbox's captcha answers and SMS code) logs in at /sh/ with 证件号码 + 密码 + 图形验证码 and
// lands on 报名信息 (/sh/home): the 主考学校 chosen at registration with its 报名专业 and 准考证号 (待生成), the personal
// information held, masked, and the 审核状态. Through 报考其他学校 they add a second university and major, switch between
// the two with the 主考学校 drop-down and see each one's information; adding a university they hold again is refused
// with the server's Chinese message. On a PC and on a phone. Screenshots: e2e/screenshots/sh-universities-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  PHONE, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import {
  GATEWAY, awaitSmsCode, awaitSmsCooldown, bureauTextOf, captchaAnswer, latestSmsId, newCandidate, noteSmsCooldown,
} from './support/stack.mjs'
import { logInAtShanghai } from './support/sh-register.mjs'
import { button, expectShown, pick, seeHeading, shown, waitForText } from './support/ui.mjs'

const SHANGHAI = 'sh'
const SITTING = 'SH-ZK-2026-10'
const NAME = '沪考生'

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

async function shanghai(path, what, body) {
  return json(await fetch(`${GATEWAY}/${SHANGHAI}${path}`, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }), what)
}

async function shanghaiCaptcha() {
  const issued = await shanghai('/api/accounts/public/captchas', 'captcha', {})
  return { captchaId: issued.captchaId, captcha: await captchaAnswer(issued.captchaId) }
}

/**
 * 新考生注册 at Shanghai through the API, as the register page sends it (ACC-3 open gate): the registration SMS code
 * from the sandbox, the university and major chosen, the e-mail and 我同意 to the current 考生诚信承诺书 (SST-1).
 */
async function registerAtShanghai(candidate, universityCode, majorCode) {
  await awaitSmsCooldown(candidate.phone, 'registration')
  const before = await latestSmsId(candidate.phone)
  const sent = await shanghai('/api/accounts/public/sms-codes/registration', 'registration code',
    { phone: candidate.phone, ...(await shanghaiCaptcha()) })
  noteSmsCooldown(candidate.phone, 'registration', sent.resendAfterSeconds)
  const smsCode = await awaitSmsCode(candidate.phone, before)
  await shanghai('/api/accounts/public/registrations', 'registration', {
    idType: 'RESIDENT_ID', idNumber: candidate.idNumber, name: NAME, universityCode, majorCode,
    password: candidate.password, confirmPassword: candidate.password, phone: candidate.phone, smsCode,
    email: `sh${candidate.phone}@example.com`, ...(await shanghaiCaptcha()),
    acceptPrivacyPolicy: true, acceptServiceAgreement: true, acceptIntegrityPledge: true,
    integrityPledgeVersion: (await bureauTextOf(SHANGHAI, 'integrity-pledge')).version,
  })
}

/** The 主考学校 drop-down at the top of 报名信息 (not the one of the 报考其他学校 form). */
function switcher(page) {
  return page.locator('.home-switch')
}

test('a Shanghai candidate adds a second 主考学校 through 报考其他学校 and switches between the two',
  { timeout: 5 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const universities = await shanghai(`/api/enrollments/public/exams/${SITTING}/catalogue/universities`,
      'the sitting\'s universities')
    const fudan = universities.find((u) => u.name === '复旦大学')
    const ecnu = universities.find((u) => u.name === '华东师范大学')
    assert.ok(fudan && ecnu, 'the demo sitting offers 复旦大学 and 华东师范大学')
    const [fudanMajor, fudanOther] = fudan.majors
    const ecnuMajor = ecnu.majors[0]
    const candidate = newCandidate('Shanghai1')
    await registerAtShanghai(candidate, fudan.code, fudanMajor.code)
    const maskedPhone = `${candidate.phone.slice(0, 3)}****${candidate.phone.slice(7)}`

    // 考生登录 at /sh/ leads to 报名信息 with the university of registration (it arrives by event)
    const page = await newPage(browser)
    await logInAtShanghai(page, candidate)
    // the first call of a freshly started stack may be slow: more patience for the page's first answer
    await waitForText(switcher(page), `${fudan.name}（${fudan.code}）`, 'the 主考学校 drop-down', 60000)
    await expectShown(page, '报考信息', '主考学校', `${fudan.name}（${fudan.code}）`)
    await expectShown(page, '报考信息', '报名专业', `${fudanMajor.name}（${fudanMajor.code}）`)
    await expectShown(page, '报考信息', '准考证号', '待生成')
    await expectShown(page, '报考信息', '报考方式', '新考生注册')
    await expectShown(page, '个人信息', '姓名', '沪**')
    await expectShown(page, '个人信息', '手机号码', maskedPhone)
    await expectShown(page, '个人信息', '证件类型', '居民身份证')
    assert.ok(!(await page.locator('body').innerText()).includes(candidate.idNumber), 'the ID number only masked')
    await shown(page, '审核状态', '审核状态').waitFor()
    const account = page.getByRole('navigation', { name: '账号管理' })
    for (const link of ['修改密码', '修改注册手机号', '退出登录']) {
      await account.getByRole('link', { name: link, exact: true }).waitFor()
    }
    await checkPage(page)
    await screenshot(page, 'home')

    // 报考其他学校: the form offers the sitting's universities, the chosen one's majors and 温馨提示
    await button(page, '报考其他学校').click()
    const dialog = page.getByRole('dialog', { name: '报考其他学校' })
    await dialog.waitFor()
    await pick(page, dialog, '主考学校', ecnu.name)
    await pick(page, dialog, '报名专业', ecnuMajor.name)
    if (ecnu.notice) await waitForText(dialog, ecnu.notice.slice(0, 12), 'the 温馨提示')
    await expectLabelled(page)
    await screenshot(page, 'add-university')
    const [added] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/sh/api/enrollments/self-study/universities')
        && r.request().method() === 'POST'),
      button(dialog, '确认报考').click(),
    ])
    assert.equal(added.status(), 201, await added.text())
    await dialog.waitFor({ state: 'hidden' })

    // the drop-down switches to the new university and shows its information
    await expectShown(page, '报考信息', '主考学校', `${ecnu.name}（${ecnu.code}）`)
    await expectShown(page, '报考信息', '报名专业', `${ecnuMajor.name}（${ecnuMajor.code}）`)
    await expectShown(page, '报考信息', '报考方式', '报考其他学校')
    await expectShown(page, '报考信息', '准考证号', '待生成')
    await screenshot(page, 'added')

    // switching with the drop-down: each university with its own major
    await pick(page, switcher(page), '主考学校', fudan.name)
    await expectShown(page, '报考信息', '主考学校', `${fudan.name}（${fudan.code}）`)
    await expectShown(page, '报考信息', '报名专业', `${fudanMajor.name}（${fudanMajor.code}）`)
    await expectShown(page, '个人信息', '手机号码', maskedPhone)
    await screenshot(page, 'switched-to-first')
    await pick(page, switcher(page), '主考学校', ecnu.name)
    await expectShown(page, '报考信息', '报名专业', `${ecnuMajor.name}（${ecnuMajor.code}）`)

    // the same university again, with another major: refused, with the server's message beside 主考学校
    await pick(page, switcher(page), '主考学校', '报考其他学校')
    await dialog.waitFor()
    await pick(page, dialog, '主考学校', `${fudan.name}（已报考）`)
    await pick(page, dialog, '报名专业', fudanOther.name)
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/sh/api/enrollments/self-study/universities')
        && r.request().method() === 'POST'),
      button(dialog, '确认报考').click(),
    ])
    assert.equal(refused.status(), 409)
    assert.equal((await refused.json()).code, 'UNIVERSITY_ALREADY_HELD')
    await waitForText(dialog.locator('.el-form-item__error'),
      `您已报考${fudan.name}（专业：${fudanMajor.name}），同一所主考学校只能报考一个专业，且专业确定后不能修改`,
      'the refusal beside 主考学校')
    await screenshot(page, 'same-university-refused')
    await button(dialog, '取消').click()
    await dialog.waitFor({ state: 'hidden' })
    // nothing changed: still two universities, the first with its major
    await switcher(page).getByLabel('主考学校', { exact: true }).click()
    await page.locator('.el-select-dropdown__item:visible').last().waitFor()
    const options = (await page.locator('.el-select-dropdown__item:visible').allTextContents()).map((t) => t.trim())
    assert.deepEqual(options, [`${fudan.name}（${fudan.code}）`, `${ecnu.name}（${ecnu.code}）`, '报考其他学校…'])
    await page.keyboard.press('Escape')

    // `/` of a logged-in Shanghai candidate is 报名信息 too
    await page.goto(`/${SHANGHAI}/`)
    await page.waitForURL(/\/sh\/home$/)
    await seeHeading(page, '报名信息')

    // on a phone: the same page, one column, and the form fits
    const phone = await newPage(browser, PHONE)
    await logInAtShanghai(phone, candidate)
    await waitForText(switcher(phone), `${fudan.name}（${fudan.code}）`, 'the drop-down on a phone')
    await pick(phone, switcher(phone), '主考学校', ecnu.name)
    await expectShown(phone, '报考信息', '报名专业', `${ecnuMajor.name}（${ecnuMajor.code}）`)
    await expectLabelled(phone)
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'home-phone')
    await button(phone, '报考其他学校').click()
    const phoneDialog = phone.getByRole('dialog', { name: '报考其他学校' })
    await phoneDialog.waitFor()
    await pick(phone, phoneDialog, '主考学校', universities.find((u) => u.code !== fudan.code && u.code !== ecnu.code).name)
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'add-university-phone')
    await button(phoneDialog, '取消').click()
    await phone.context().close()

    // 退出登录
    await page.getByRole('navigation', { name: '账号管理' }).getByRole('link', { name: '退出登录', exact: true }).click()
    await page.waitForURL(/\/sh\/login/)
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))
