// BUR-1 in the browser, on the running stack with its two demo bureaus: `/` offers both and leads to each; each
// bureau's pages show its own title, header and footer (hotline, ICP line), taken from what its API says; a Shanghai
// page says nothing of 山东; an SMS code asked for on a bureau's page reaches the phone signed by that bureau; the
// Shanghai login asks for no SMS code; a session is its bureau's; an unknown bureau is a 404 page.
// Screenshots: e2e/screenshots/bureaus-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  PHONE, captchaIdOf, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import {
  BUREAUS, SANDBOX, awaitSmsWithCode, bureauOf, bureauTextOf, latestSmsId, newCandidate,
} from './support/stack.mjs'
import { button, fillCaptcha, pressGetCode, seeHeading, seeText, waitForText } from './support/ui.mjs'
import { newShanghaiCandidate, passStepOne } from './support/sh-register.mjs'

const OTHER = { sd: 'sh', sh: 'sd' }
const SIGNATURES = { sd: '【山东省教育招生考试院】', sh: '【上海市教育考试院】' }

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/** The page's visible text and its title, for what a page must (not) say. */
async function wordsOf(page) {
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`)
}

/** Waits until the document's title is `title`. */
async function expectTitle(page, title) {
  await page.waitForFunction((expected) => document.title === expected, title, { timeout: 10000 })
    .catch(async () => assert.fail(`the title is ${JSON.stringify(await page.title())}, expected ${JSON.stringify(title)}`))
}

test('/ offers both bureaus and leads to each one\'s own pages', { timeout: 90000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    await page.goto('/')
    await seeHeading(page, '请选择报考的考试院')
    await expectTitle(page, '请选择报考的考试院 · 网上报名')
    for (const name of Object.values(BUREAUS)) {
      await page.getByRole('link', { name: new RegExp(name) }).waitFor()
    }
    await checkPage(page)
    await screenshot(page, 'choice')

    for (const [code, name] of Object.entries(BUREAUS)) {
      await page.goto('/')
      await page.getByRole('link', { name: new RegExp(name) }).click()
      // Shandong first asks which entry (seed 000 §1.1: 统一考试 or 退役士兵免试), Shanghai's open registration has none
      const [path, heading] = code === 'sd' ? ['entry', '请选择报名入口'] : ['login', '考生登录']
      await page.waitForURL(new RegExp(`/${code}/${path}$`))
      await seeHeading(page, heading)
      await waitForText(page.locator('header'), name, 'the header')
      await expectTitle(page, `${heading} · ${name}`)
      await screenshot(page, `choice-to-${code}`)
    }
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))

for (const code of ['sd', 'sh']) {
  test(`${BUREAUS[code]} (/${code}/): the title, header and footer are the bureau's own`, { timeout: 60000 },
    () => photographFailure(browser, async () => {
      const bureau = await bureauOf(code)
      assert.equal(bureau.name, BUREAUS[code], 'the demo bureau as configured')
      const page = await newPage(browser)
      await page.goto(`/${code}/login`)
      await seeHeading(page, '考生登录')
      await expectTitle(page, `考生登录 · ${bureau.name}`)
      const header = page.locator('header')
      await waitForText(header, bureau.name, 'the header')
      await waitForText(header, bureau.registrationExamName, 'the header')
      const footer = page.locator('footer')
      await waitForText(footer, bureau.hotline, 'the footer\'s hotline')
      await waitForText(footer, bureau.serviceHours, 'the footer\'s hours')
      await waitForText(footer, bureau.icp, 'the footer\'s ICP line')
      const words = await wordsOf(page)
      assert.ok(!words.includes(BUREAUS[OTHER[code]]), `nothing on /${code}/ names ${BUREAUS[OTHER[code]]}`)
      // the login form is the bureau's: an SMS code only where its login needs one
      assert.equal(await page.getByLabel('短信验证码').count(), bureau.loginNeedsSms ? 1 : 0)
      await checkPage(page)
      await screenshot(page, `${code}-login`)

      // the phone's width: header and footer fit
      const phone = await newPage(browser, PHONE)
      await phone.goto(`/${code}/login`)
      await waitForText(phone.locator('footer'), bureau.icp, 'the footer on a phone')
      await expectLabelled(phone)
      await expectNoHorizontalScroll(phone)
      await screenshot(phone, `${code}-login-phone`)
      await phone.context().close()
      assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
    }))
}

test('no Shanghai page says 山东, in its title or its text', { timeout: 90000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    const pages = [
      ['/sh/login', '考生登录'], ['/sh/register', '新考生注册'], ['/sh/forgot-password', '忘记密码'],
      ['/sh/candidate-notice', null], ['/sh/no-such-page', '页面不存在'],
    ]
    for (const [path, heading] of pages) {
      await page.goto(path)
      if (heading) await seeHeading(page, heading)
      else await seeText(page, '版本：')
      await page.locator('footer').filter({ hasText: '上海市教育考试院' }).waitFor()
      const words = await wordsOf(page)
      assert.ok(!words.includes('山东'), `${path} says 山东:\n${words}`)
    }
    // the consent's texts are Shanghai's current ones, with their versions (step ② of 新考生注册)
    await page.goto('/sh/register')
    await passStepOne(page, newShanghaiCandidate())
    for (const [index, kind] of [[0, 'privacy-policy'], [1, 'service-agreement']]) {
      const text = await bureauTextOf('sh', kind)
      await page.locator('.consent a').nth(index).click()
      const dialog = page.getByRole('dialog', { name: text.title })
      await waitForText(dialog, `版本：${text.version}`, `the dialog of ${kind}`)
      await waitForText(dialog, text.text.trim().split('\n')[0].trim().slice(0, 20), `the dialog of ${kind}`)
      assert.ok(!(await dialog.innerText()).includes('山东'), `the ${kind} says 山东`)
      await screenshot(page, `sh-${kind}`)
      await button(dialog, '我知道了').click()
      await dialog.waitFor({ state: 'hidden' })
    }
  }))

test('Shanghai login: 证件号码/准考证号, 密码 and the image captcha, no SMS code; 考生须知 from the login page',
  { timeout: 90000 }, () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    const captchaId = await captchaIdOf(page, () => page.goto('/sh/login'))
    await seeHeading(page, '考生登录')
    const labels = (await page.locator('.acc-form .el-form-item__label').allTextContents()).map((t) => t.trim())
      .filter(Boolean)
    assert.deepEqual(labels, ['证件号码/准考证号', '密码', '验证码'])
    assert.equal(await page.getByLabel('短信验证码').count(), 0, 'no SMS code field')
    assert.equal(await button(page, '获取验证码').count(), 0, 'no 获取验证码')
    await checkPage(page)
    await screenshot(page, 'sh-login')

    // 登录 sends the ID, the password and the captcha in one request, and shows the refusal of an unknown account
    const stranger = newCandidate('Shanghai1')
    await page.getByLabel('证件号码/准考证号').fill(stranger.idNumber)
    await page.getByLabel('密码', { exact: true }).fill(stranger.password)
    await fillCaptcha(page, captchaId)
    const [request, response] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/sh/api/accounts/public/logins') && r.method() === 'POST'),
      page.waitForResponse((r) => r.url().includes('/sh/api/accounts/public/logins')),
      button(page, '登录').click(),
    ])
    const body = request.postDataJSON()
    assert.equal(body.idNumber, stranger.idNumber)
    assert.equal(body.password, stranger.password)
    assert.ok(body.captchaId && body.captcha, 'the captcha goes along')
    assert.equal(body.smsCode, undefined, 'no SMS code is sent')
    assert.ok(!response.ok(), 'nobody registered with that ID')
    const refusal = page.locator('.el-form-item__error, [role=alert]').filter({ hasText: /\S/ })
    await refusal.first().waitFor()
    assert.match(page.url(), /\/sh\/login/)
    await screenshot(page, 'sh-login-refused')

    // 考生须知: the bureau's current version
    const notice = await bureauTextOf('sh', 'candidate-notice')
    await page.getByRole('link', { name: '考生须知', exact: true }).click()
    await page.waitForURL(/\/sh\/candidate-notice$/)
    await seeHeading(page, notice.title)
    await seeText(page, `版本：${notice.version}`)
    await seeText(page, notice.text.trim().split('\n')[0].trim().slice(0, 20))
    await checkPage(page)
    await screenshot(page, 'sh-candidate-notice')
    await page.getByRole('link', { name: '返回考生登录' }).click()
    await page.waitForURL(/\/sh\/login$/)
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))

for (const code of ['sd', 'sh']) {
  test(`an SMS code asked for on ${BUREAUS[code]}'s registration page is signed ${SIGNATURES[code]}`,
    { timeout: 90000 }, () => photographFailure(browser, async () => {
      const { phone } = newCandidate()
      const page = await newPage(browser)
      let captchaId
      if (code === 'sh') { // 新考生注册: the phone is asked for on step ②
        await page.goto('/sh/register')
        captchaId = await captchaIdOf(page, () => passStepOne(page, newShanghaiCandidate()))
        await page.getByLabel('手机号码').fill(phone)
      } else {
        captchaId = await captchaIdOf(page, () => page.goto(`/${code}/register`))
        await page.getByLabel('绑定手机号').fill(phone)
      }
      await fillCaptcha(page, captchaId)
      const before = await latestSmsId(phone)
      await pressGetCode(page, phone)
      await seeText(page, '短信验证码已发送至')
      const message = await awaitSmsWithCode(phone, before)
      assert.ok(message.content.includes(SIGNATURES[code]), `signed ${SIGNATURES[code]}: ${message.content}`)
      assert.ok(!message.content.includes(SIGNATURES[OTHER[code]]), `not signed by the other bureau: ${message.content}`)
      await screenshot(page, `${code}-register-code-sent`)

      // the sandbox's inbox shows it, with the signature
      const inbox = await newPage(browser, PHONE)
      await inbox.goto(`${SANDBOX}/sandbox/sms?phone=${phone}`)
      await waitForText(inbox.locator('#list'), SIGNATURES[code], 'the sandbox inbox')
      await screenshot(inbox, `${code}-sandbox-sms-inbox`)
      await inbox.context().close()
    }))
}

test('a session is its bureau\'s: a Shandong session is never used on a Shanghai page', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    // a tab that logged in at Shandong (the UI keeps the tokens per bureau, in sessionStorage)
    const TOKEN = 'shandong-session-of-test'
    await page.context().addInitScript((token) => sessionStorage.setItem('baokao.sd.access', token), TOKEN)
    const sentWithToken = []
    page.on('request', (r) => {
      if (r.headers().authorization === `Bearer ${TOKEN}`) sentWithToken.push(new URL(r.url()).pathname)
    })

    // a Shanghai page behind login: not logged in there, so its login page, and the token goes nowhere
    await page.goto('/sh/change-password')
    await page.waitForURL(/\/sh\/login/)
    await seeHeading(page, '考生登录')
    assert.equal(await page.getByRole('link', { name: '退出', exact: true }).count(), 0, 'not logged in on /sh/')

    // the same tab is logged in on Shandong's pages, and its calls carry the token (the gateway refuses the test's
    // token; what matters is where it went)
    await page.goto('/sd/change-password')
    await seeHeading(page, '修改密码')
    await page.getByRole('link', { name: '退出', exact: true }).waitFor()
    await page.getByLabel('原密码').fill('Old@2026x')
    await page.getByLabel('新密码').fill('New@2026xy')
    await page.getByLabel('确认密码').fill('New@2026xy')
    await Promise.all([
      page.waitForRequest((r) => r.url().includes('/sd/api/accounts/me/password')
        && r.headers().authorization === `Bearer ${TOKEN}`),
      button(page, '确认修改').click(),
    ])
    assert.ok(sentWithToken.length > 0 && sentWithToken.every((path) => path.startsWith('/sd/api/')),
      `the Shandong session went to Shandong's API only: ${JSON.stringify(sentWithToken)}`)
  }))

test('an unknown bureau is a Chinese 404 page leading to the choice', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    await page.goto('/xx/login')
    await seeHeading(page, '页面不存在')
    await seeText(page, '您访问的考试院不存在')
    const words = await wordsOf(page)
    for (const name of Object.values(BUREAUS)) assert.ok(!words.includes(name), `the 404 page names ${name}`)
    assert.equal(await page.getByLabel('证件号码').count(), 0, 'no other bureau\'s form')
    await checkPage(page)
    await screenshot(page, 'unknown-bureau')
    await page.getByRole('link', { name: '返回报名首页' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await seeHeading(page, '请选择报考的考试院')
  }))
