// The Shandong wizard's steps as a candidate does them in the browser, for the tests that walk the whole journey
// (journey.test.mjs, phone-journey.test.mjs): each step waits for its page, fills it as the manual's example
// candidate (620403 医学影像技术, 济南), takes its screenshots and moves on. The photo step is left to each test:
// that is where the journeys differ (QR on a second device, the phone's camera, a file on a PC).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { BAOKAO_URL, captchaIdOf, checkPage, screenshot } from './browser.mjs'
import { awaitSmsCode, latestSmsId } from './stack.mjs'
import { button, choose, fillCaptcha, pressGetCode, seeHeading, seeText, submitOk, tick } from './ui.mjs'

export const SUBJECTS = '英语、计算机、大学语文、高等数学II'

/** 1.1 考生注册 with the code the sandbox SMS gateway received; ends on the login page. */
export async function registerInBrowser(page, candidate) {
  let captchaId = await captchaIdOf(page, () => page.goto('/sd/register'))
  await seeText(page, '考生注册')
  await page.getByLabel('证件号码').fill(candidate.idNumber)
  await page.getByLabel('登录密码').fill(candidate.password)
  await page.getByLabel('确认密码').fill(candidate.password)
  await page.getByLabel('绑定手机号').fill(candidate.phone)
  await fillCaptcha(page, captchaId)
  const noSmsYet = await latestSmsId(candidate.phone)
  captchaId = await pressGetCode(page, candidate.phone)
  await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, noSmsYet))
  await fillCaptcha(page, captchaId)
  await tick(page, /我已阅读并同意/)
  await checkPage(page)
  await screenshot(page, 'register-filled')
  await submitOk(page, button(page, '注册'), '/api/accounts/public/registrations')
  await page.waitForURL(/\/sd\/login/)
}

/** 1.2 考生登录 with a login code (its own cooldown: no wait after the registration code); ends in the wizard. */
export async function logInInBrowser(page, candidate) {
  const captchaId = await captchaIdOf(page, () => page.goto('/sd/login'))
  await seeText(page, '考生登录')
  await page.getByLabel('证件号码').fill(candidate.idNumber)
  await page.getByLabel('密码', { exact: true }).fill(candidate.password)
  await fillCaptcha(page, captchaId)
  const before = await latestSmsId(candidate.phone)
  await pressGetCode(page, candidate.phone)
  await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, before))
  await checkPage(page)
  await screenshot(page, 'login')
  await submitOk(page, button(page, '登录'), '/api/accounts/public/logins')
  await page.waitForURL(/\/sd\/wizard/)
}

/** 2.1 报考承诺: ticked once the 3 s countdown is over, then 下一步; ends on 采集个人照片. */
export async function acceptPledge(page) {
  await seeText(page, '我已阅读并承诺')
  await page.waitForFunction(() => !document.querySelector('.pledge input[type=checkbox]')?.disabled,
    null, { timeout: 10000 })
  await tick(page, '我已阅读并承诺')
  await checkPage(page)
  await screenshot(page, 'wizard-1-pledge-accepted')
  await button(page, '下一步').click()
  await page.waitForURL(/\/sd\/wizard\/[^/]+/)
  await seeHeading(page, '采集个人照片')
}

/** 2.3 填写个人信息 (the manual's example answers), 保存，下一步. */
export async function fillPersonalInfo(page) {
  await seeHeading(page, '填写个人信息')
  await choose(page, '政治面貌')
  await choose(page, '民族', '汉族')
  await choose(page, '专科期间公共外语课')
  await choose(page, '考生类别')
  await page.getByLabel('通讯地址（录取通知书邮寄）').fill('山东省济南市历下区文化东路1号')
  await page.getByLabel('通讯地址邮政编码').fill('250014')
  await page.getByLabel('个人电子邮箱').fill('kaosheng@example.com')
  await choose(page, '户籍所在省（直辖市）', '山东')
  await choose(page, '户籍所在市（直辖市）', '济南')
  await checkPage(page)
  await screenshot(page, 'wizard-3-personal-info')
  await button(page, '保存，下一步').click()
}

/** 2.4 选报专业范围及选择考试地点: 济南 and the subject group of 620403, 保存，下一步. */
export async function chooseExam(page) {
  await seeHeading(page, '选报专业范围及选择考试地点')
  await choose(page, '考试地点（学校或户籍所在地）', '济南')
  await page.getByLabel(SUBJECTS).check()
  await checkPage(page)
  await screenshot(page, 'wizard-4-exam-choice')
  await button(page, '保存，下一步').click()
}

/** 2.5 确认报考信息 and the second question's 确定; ends on 网上缴费. */
export async function confirmEnrollment(page) {
  await seeHeading(page, '确认报考信息')
  await seeText(page, SUBJECTS)
  await checkPage(page)
  await screenshot(page, 'wizard-5-confirm')
  await button(page, '确认报考信息').click()
  const sure = page.getByRole('dialog', { name: '确认报考信息' })
  await sure.waitFor()
  await button(sure, '确定').click()
  await seeText(page, '网上缴纳报考费')
}

/**
 * 2.6 网上缴费 at the sandbox bank (济南 → 中国光大银行, 230.00 元): 缴费 opens the bank's cashier in a new tab while this
 * tab waits (正在等待银行支付结果); 确认支付 there sends that tab back to the payment page (logged in by the session
 * cookie), it is closed, and this tab must say 已缴费 by itself (issue 22).
 */
export async function payAtSandboxBank(page) {
  await seeText(page, '网上缴纳报考费')
  await seeText(page, '未缴费')
  await button(page, '缴费').waitFor()
  await checkPage(page)
  await screenshot(page, 'wizard-6-payment-unpaid')
  const [bank] = await Promise.all([page.waitForEvent('popup'), button(page, '缴费').click()])
  await bank.waitForURL(/\/sandbox\/bank\//, { timeout: 30000 })
  await seeText(bank, '沙箱环境 · 非真实支付')
  await seeText(bank, '中国光大银行')
  await seeText(bank, '230.00 元')
  await checkPage(bank)
  await screenshot(bank, 'sandbox-bank-ceb')
  await seeText(page, '正在等待银行支付结果')
  await Promise.all([bank.waitForURL((url) => url.href.startsWith(BAOKAO_URL), { timeout: 30000 }),
    button(bank, '确认支付').click()])
  // the bank sends its tab back to the payment page, under Shandong's prefix
  await bank.waitForURL(/\/sd\/wizard/, { timeout: 30000 })
  await seeText(bank, '网上缴纳报考费')
  await bank.close()
  // the app's tab learns it by itself (it asks payment-service every few seconds)
  const paid = page.getByRole('cell', { name: '已缴费', exact: true }) // 缴费状态 of the fee table
  for (let i = 0; i < 10 && !(await paid.isVisible()); i++) {
    await paid.waitFor({ timeout: 3000 }).catch(() => {})
  }
  await paid.waitFor({ timeout: 1000 }) // fails here if the order never became 已缴费
  await checkPage(page)
  await screenshot(page, 'wizard-6-payment-paid')
}

/** The accepted photo shown (CandidatePhoto): loaded, and portrait (3:4) as photo-service stored it. */
export async function expectCandidatePhoto(page) {
  const photo = page.getByRole('img', { name: '考生照片' }).first()
  await photo.waitFor()
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle())
  const size = await photo.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight }))
  assert.deepEqual(size, { width: 480, height: 640 }, 'the accepted photo as photo-service keeps it')
}

/** 下载报名信息表 on 信息预览: a PDF download; answers its bytes. */
export async function downloadRegistrationForm(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载报名信息表').click()])
  assert.equal(download.suggestedFilename(), '报名信息表.pdf')
  const bytes = await readFile(await download.path())
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the 报名信息表 is a PDF')
  return bytes
}
