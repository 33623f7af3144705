// Seed 000 §1.1 and ENR-6: a Shandong visitor first chooses the entry — 全省统一考试专升本 or 退役大学生士兵免试专升本 —
// then logs in; a veteran on the roster who chose 退役大学生士兵免试专升本 starts an enrollment of that track (the
// server names the track; the page shows what it answered), on a phone.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  PHONE, captchaIdOf, checkPage, clearScreenshots, launch, newPage, photographFailure, screenshot,
} from './support/browser.mjs'
import { awaitSmsCode, latestSmsId, newCandidate, putOnRoster, registerViaApi } from './support/stack.mjs'
import { button, fillCaptcha, pressGetCode, seeHeading, seeText, submitOk, tick } from './support/ui.mjs'

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

test('a veteran chooses 退役大学生士兵免试专升本 on the entry page, logs in and enrolls in that track',
  { timeout: 3 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const veteran = newCandidate()
    await putOnRoster([veteran], () => '退役考生甲', '退役士兵')
    await registerViaApi(veteran)
    const page = await newPage(browser, PHONE)

    // the bureau's address opens the entry page: the two tracks, and that they exclude each other
    await page.goto('/sd/')
    await page.waitForURL(/\/sd\/entry$/)
    await seeHeading(page, '请选择报名入口')
    await button(page, /^全省统一考试专升本报名/).waitFor()
    await seeText(page, '不得兼报')
    await checkPage(page)
    await screenshot(page, 'entry')

    let captchaId = await captchaIdOf(page, () => button(page, /^退役大学生士兵免试专升本报名/).click())
    await page.waitForURL(/\/sd\/login/)
    await seeText(page, '报名入口：退役大学生士兵免试专升本')
    await checkPage(page)
    await screenshot(page, 'login-veteran-entry')
    await page.getByLabel('证件号码').fill(veteran.idNumber)
    await page.getByLabel('密码', { exact: true }).fill(veteran.password)
    await fillCaptcha(page, captchaId)
    const before = await latestSmsId(veteran.phone)
    captchaId = await pressGetCode(page, veteran.phone)
    await page.getByLabel('短信验证码').fill(await awaitSmsCode(veteran.phone, before))
    await submitOk(page, button(page, '登录'), '/api/accounts/public/logins')
    await page.waitForURL(/\/sd\/wizard/)

    // 报考承诺, then the enrollment the server started is of the veteran track
    await seeText(page, '我已阅读并承诺')
    await seeText(page, '报名类型：退役大学生士兵免试专升本')
    await page.waitForFunction(() => !document.querySelector('.pledge input[type=checkbox]')?.disabled,
      null, { timeout: 6000 })
    await tick(page, '我已阅读并承诺')
    const [started] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/enrollment') && r.request().method() === 'POST'),
      button(page, '下一步').click(),
    ])
    assert.equal(started.status(), 201, await started.text().catch(() => ''))
    assert.equal((await started.json()).track, 'VETERAN_EXEMPTION')
    await seeHeading(page, '采集个人照片')
    await seeText(page, '报名类型：退役大学生士兵免试专升本')
    await checkPage(page)
    await screenshot(page, 'veteran-wizard-photo')
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))

test('the login page links to 各市招生考试机构联系方式, 建档立卡家庭考生专升本计划 and 操作手册 (seed 000 §1.2)',
  { timeout: 60000 }, () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    await page.goto('/sd/login')
    const links = page.getByRole('navigation', { name: '相关链接' })
    for (const name of ['各市招生考试机构联系方式', '2023年建档立卡家庭考生专升本计划', '操作手册']) {
      await links.getByRole('link', { name, exact: true }).waitFor()
    }
    await screenshot(page, 'login-links')
    await links.getByRole('link', { name: '操作手册', exact: true }).click()
    await page.waitForURL(/\/sd\/user-manual$/)
    await seeHeading(page, '操作手册')
    await seeText(page, '兼报对应的专业')
    await checkPage(page)
    await screenshot(page, 'user-manual')
    await page.getByRole('link', { name: '返回考生登录' }).click()
    await page.waitForURL(/\/sd\/login$/)
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))
