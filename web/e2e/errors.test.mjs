// The main ways a candidate goes wrong, each answered in Chinese next to the field concerned: a wrong SMS code, a
// weak password, an ID not on the roster, a photo without a face (on the phone), a wrong old password; and the
// forgot-password and change-password pages working to the end; all on Shandong's pages (/sd/). Screenshots: e2e/screenshots/errors-NN-*.png.
import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  BAOKAO_URL, DESKTOP, PHONE, captchaIdOf, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll,
  launch, newPage, photographFailure, screenshot,
} from './support/browser.mjs'
import {
  awaitSmsCode, latestSmsId, loginViaApi, newCandidate, putOnRoster, registerViaApi,
} from './support/stack.mjs'
import { button, expectFieldError, fillCaptcha, pressGetCode, seeHeading, seeText, tick } from './support/ui.mjs'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const PASSWORD_RULE = '密码为8-16位，必须包含数字、大写字母、小写字母和特殊字符'

let browser
// registered through the API at the start, so that their next SMS code is due by the time the tests need it
const photographed = newCandidate('Photo@2026x')
const forgetful = newCandidate('Forgot@2026x')

before(async () => {
  clearScreenshots()
  browser = await launch()
  await putOnRoster([photographed, forgetful], (i) => ['浏览器考生乙', '浏览器考生丙'][i])
  await registerViaApi(photographed)
  await registerViaApi(forgetful)
})
after(async () => browser?.close())

/** The registration form filled with `candidate` and a fresh SMS code; answers the page and the code. */
async function registrationWithCode(candidate, password = candidate.password) {
  const page = await newPage(browser)
  let captchaId = await captchaIdOf(page, () => page.goto('/sd/register'))
  await page.getByLabel('证件号码').fill(candidate.idNumber)
  await page.getByLabel('登录密码').fill(password)
  await page.getByLabel('确认密码').fill(password)
  await page.getByLabel('绑定手机号').fill(candidate.phone)
  await fillCaptcha(page, captchaId)
  const before = await latestSmsId(candidate.phone)
  captchaId = await pressGetCode(page, candidate.phone)
  const code = await awaitSmsCode(candidate.phone, before)
  await fillCaptcha(page, captchaId)
  await tick(page, /我已阅读并同意/)
  return { page, code, captchaId }
}

/**
 * A logged-in Shandong browser tab of a candidate whose tokens came through the API (the UI keeps them in
 * sessionStorage, per bureau).
 */
async function signedIn(tokens, device = DESKTOP) {
  const page = await newPage(browser, device)
  await page.context().addInitScript(({ access, refresh }) => {
    if (!sessionStorage.getItem('baokao.signed-in-by-test')) {
      sessionStorage.setItem('baokao.sd.access', access)
      sessionStorage.setItem('baokao.sd.refresh', refresh)
      sessionStorage.setItem('baokao.signed-in-by-test', '1')
    }
  }, { access: tokens.access_token, refresh: tokens.refresh_token })
  return page
}

test('registration: a wrong SMS code is refused next to 短信验证码', { timeout: 120000 },
  () => photographFailure(browser, async () => {
    const candidate = newCandidate()
    await putOnRoster([candidate], () => '浏览器考生丁')
    const { page, code } = await registrationWithCode(candidate)
    const wrong = String((Number(code) + 1) % 1000000).padStart(6, '0')
    await page.getByLabel('短信验证码').fill(wrong)
    await button(page, '注册').click()
    await expectFieldError(page, '短信验证码', '短信验证码错误，请核对后重新输入')
    assert.match(page.url(), /\/sd\/register/, 'still on the registration page')
    await checkPage(page)
    await screenshot(page, 'register-wrong-sms-code')
  }))

test('registration: a weak password is refused next to 登录密码', { timeout: 60000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    await page.goto('/sd/register')
    await page.getByLabel('登录密码').fill('abc12345')
    await page.getByLabel('确认密码').fill('abc12345')
    await button(page, '注册').click()
    await expectFieldError(page, '登录密码', PASSWORD_RULE)
    assert.match(page.url(), /\/sd\/register/)
    await checkPage(page)
    await screenshot(page, 'register-weak-password')
  }))

test('registration: an ID not on the roster is refused next to 证件号码', { timeout: 120000 },
  () => photographFailure(browser, async () => {
    const stranger = newCandidate() // never put on the roster
    const { page, code } = await registrationWithCode(stranger)
    await page.getByLabel('短信验证码').fill(code)
    await button(page, '注册').click()
    await expectFieldError(page, '证件号码', '该证件类型+证件号不存在于考生名单中，请确认后注册')
    assert.match(page.url(), /\/sd\/register/)
    await checkPage(page)
    await screenshot(page, 'register-not-on-roster')
  }))

test('photo: a photo without a face is refused on the phone with the quality check\'s reason',
  { timeout: 240000 }, () => photographFailure(browser, async () => {
    const tokens = await loginViaApi(photographed) // once the phone's cooldown since registering is over
    const page = await signedIn(tokens)
    await page.goto('/sd/wizard')
    await seeText(page, '我已阅读并承诺')
    await page.waitForFunction(() => !document.querySelector('.pledge input[type=checkbox]')?.disabled,
      null, { timeout: 6000 })
    await tick(page, '我已阅读并承诺')
    await button(page, '下一步').click()
    await seeHeading(page, '采集个人照片')
    await button(page, '手机扫码拍照').click()
    const link = page.getByRole('dialog', { name: '采集照片' }).getByLabel('拍照链接')
    await link.waitFor()
    const captureUrl = (await link.inputValue()).replace(/^https?:\/\/[^/]+/, BAOKAO_URL)

    const phone = await newPage(browser, PHONE)
    await phone.goto(captureUrl)
    await phone.getByLabel('选择或拍摄照片').setInputFiles(join(FIXTURES, 'no-face.jpg'))
    await button(phone, '上传照片').click()
    const refusal = phone.getByRole('alert')
    await refusal.filter({ hasText: '未检测到人脸' }).waitFor({ timeout: 60000 })
    assert.match(await refusal.first().textContent(), /未检测到人脸，请正对镜头、露出完整五官后重新拍摄/)
    await expectLabelled(phone)
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'capture-phone-no-face')
    assert.ok(await button(phone, '上传照片').isVisible(), 'the candidate may pick another photo')
    await phone.context().close()

    // the password pages of the same candidate: a wrong old password, then the change
    await page.goto('/sd/change-password')
    await seeHeading(page, '修改密码')
    await page.getByLabel('原密码').fill('Wrong@2026x')
    await page.getByLabel('新密码').fill('Changed@2026y')
    await page.getByLabel('确认密码').fill('Changed@2026y')
    await button(page, '确认修改').click()
    await expectFieldError(page, '原密码', '原密码错误')
    await checkPage(page)
    await screenshot(page, 'change-password-wrong-old')
    await page.getByLabel('原密码').fill(photographed.password)
    await button(page, '确认修改').click()
    await page.waitForURL(/\/sd\/login/)
    await seeText(page, '密码已修改，请重新登录')
    await screenshot(page, 'change-password-done')
  }))

test('forgot password: the SMS code to the bound phone resets the password', { timeout: 240000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser)
    let captchaId = await captchaIdOf(page, () => page.goto('/sd/login'))
    captchaId = await captchaIdOf(page, () => page.getByRole('link', { name: '忘记密码？' }).click())
    await page.waitForURL(/\/sd\/forgot-password/)
    await seeHeading(page, '忘记密码')
    await checkPage(page)
    await screenshot(page, 'forgot-password')
    await page.getByLabel('证件号码').fill(forgetful.idNumber)
    await fillCaptcha(page, captchaId)
    captchaId = await captchaIdOf(page, () => button(page, '下一步').click())
    await seeText(page, forgetful.phone.slice(-4)) // the bound phone, masked
    assert.ok(!(await page.getByText(forgetful.phone, { exact: true }).isVisible()), 'the phone is masked')

    await fillCaptcha(page, captchaId)
    const before = await latestSmsId(forgetful.phone)
    captchaId = await pressGetCode(page, forgetful.phone) // at once: the registration code's cooldown is another purpose's
    const code = await awaitSmsCode(forgetful.phone, before)
    await page.getByLabel('登录密码').fill('Reset@2026z')
    await page.getByLabel('确认密码').fill('Reset@2026z')
    await page.getByLabel('短信验证码').fill(String((Number(code) + 1) % 1000000).padStart(6, '0'))
    await fillCaptcha(page, captchaId)
    captchaId = await captchaIdOf(page, () => button(page, '确认').click())
    await expectFieldError(page, '短信验证码', '短信验证码错误，请核对后重新输入')
    await checkPage(page)
    await screenshot(page, 'forgot-password-wrong-code')

    await page.getByLabel('短信验证码').fill(code)
    await fillCaptcha(page, captchaId)
    await button(page, '确认').click()
    await page.waitForURL(/\/sd\/login/)
    await seeText(page, '密码重置成功，请使用新密码登录')
    await screenshot(page, 'forgot-password-done')
  }))
