// Shanghai's 新考生注册 (SST-1, /sh/register) as the browser tests go through it: new candidates of their own (a
// Shanghai 居民身份证 or a 港澳台居民居住证 nobody has used), the sandbox identity provider told how to answer for one
// ID number (so no other test's comparisons change), and steps ① to ③ filled in by their visible labels.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { captchaIdOf, checkPage, screenshot } from './browser.mjs'
import { SANDBOX, awaitSmsCode, checkDigit, latestSmsId } from './stack.mjs'
import { button, choose, fillCaptcha, pressGetCode, seeHeading, seeText, submitOk, tick } from './ui.mjs'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')
export const REGISTRATIONS = '/api/accounts/public/registrations'

const SHANGHAI_DISTRICTS = ['310101', '310104', '310105', '310106', '310115']

function birthAndSequence() {
  const birth = new Date(Date.UTC(1985, 0, 1) + Math.floor(Math.random() * 18 * 365) * 86400000)
  return birth.toISOString().slice(0, 10).replaceAll('-', '') + String(Math.floor(Math.random() * 1000)).padStart(3, '0')
}

/**
 * A Shanghai resident ID number nobody has registered, with a phone and a password of Shanghai's rule (6–16 of any
 * kind). `endsWithX`: one whose check character is X, to type it as a lower-case x.
 */
export function newShanghaiCandidate({ endsWithX = false } = {}) {
  for (;;) {
    const district = SHANGHAI_DISTRICTS[Math.floor(Math.random() * SHANGHAI_DISTRICTS.length)]
    const first17 = district + birthAndSequence()
    const check = checkDigit(first17)
    if (endsWithX && check !== 'X') continue
    return { idType: 'RESIDENT_ID', idTypeName: '居民身份证', idNumber: first17 + check, ...contact() }
  }
}

/** A 港澳台居民居住证 (810000… Hong Kong, GB 11643-shaped), nobody's yet: a non-resident ID type (SST-2). */
export function newHongKongCandidate() {
  const first17 = '810000' + birthAndSequence()
  return {
    idType: 'HMT_RESIDENCE_PERMIT', idTypeName: '港澳台居民居住证', idNumber: first17 + checkDigit(first17),
    ...contact(),
  }
}

function contact() {
  const phone = '1' + (3 + Math.floor(Math.random() * 7)) + String(Math.floor(Math.random() * 1e9)).padStart(9, '0')
  const mailbox = `sh${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`
  return { phone, email: `${mailbox}@Example.COM`, password: 'hu2026ok' }
}

/** The sandbox identity provider answers `outcome` (MATCH, NO_MATCH, NO_REFERENCE) for this ID number only. */
export async function forceComparison(idNumber, outcome) {
  const response = await fetch(`${SANDBOX}/sandbox/identity/api/subjects/${idNumber}/outcome`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome }),
  })
  if (!response.ok) throw new Error(`forcing ${outcome} for an ID: ${response.status} ${await response.text()}`)
}

/** Digits and letters as a Chinese input method types them in full width (０-９, ｘ). */
export function fullWidth(text) {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xFEE0))
}

/**
 * Step ①: 证件类型, 证件号码 (as `typed`, default the number), 主考学校, 报名专业, 我同意, 下一步; waits for step ②.
 */
export async function passStepOne(page, candidate, { university = '复旦大学', major = '法学', typed } = {}) {
  await page.getByLabel('证件号码').waitFor()
  if (candidate.idTypeName && candidate.idTypeName !== '居民身份证') await choose(page, '证件类型', candidate.idTypeName)
  await page.getByLabel('证件号码').fill(typed ?? candidate.idNumber)
  await choose(page, '主考学校', university)
  await choose(page, '报名专业', major)
  await tick(page, '我同意')
  await button(page, '下一步').click()
  await page.getByLabel('手机号码').waitFor()
}

/**
 * Step ②: 姓名, 手机号码, the image captcha and 获取验证码 (the code read from the sandbox), 电子邮箱, the password twice,
 * the consent, 提交注册; answers the registration's JSON (201, a login's token fields).
 */
export async function passStepTwo(page, candidate, name) {
  const captcha = page.locator('.captcha[data-captcha-id]')
  await captcha.waitFor()
  let captchaId = await captcha.getAttribute('data-captcha-id')
  await page.getByLabel('姓名', { exact: true }).fill(name)
  await page.getByLabel('手机号码').fill(candidate.phone)
  await fillCaptcha(page, captchaId)
  const before = await latestSmsId(candidate.phone)
  captchaId = await pressGetCode(page, candidate.phone)
  await seeText(page, '短信验证码已发送至')
  await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, before))
  await fillCaptcha(page, captchaId)
  await page.getByLabel('电子邮箱').fill(`  ${candidate.email} `)
  await page.getByLabel('登录密码').fill(candidate.password)
  await page.getByLabel('确认密码').fill(candidate.password)
  await tick(page, /我已阅读并同意/)
  await checkPage(page)
  await screenshot(page, `${candidate.idType}-personal-filled`)
  const response = await submitOk(page, button(page, '提交注册'), REGISTRATIONS)
  return response.json()
}

/** Step ③: the rules, 选择照片 (its name shown), 上传照片 (the quality check passes), 提交; waits for step ④. */
export async function passPhotoStep(page, candidate) {
  await page.waitForURL(/\/sh\/register\/photo$/)
  await seeText(page, '上传照片注意事项')
  await seeText(page, '将用于准考证和毕业证书')
  await page.getByLabel('选择照片').setInputFiles(join(FIXTURES, 'portrait.jpg'))
  await seeText(page, 'portrait.jpg')
  await checkPage(page)
  await screenshot(page, `${candidate.idType}-photo-chosen`)
  await submitOk(page, button(page, '上传照片'), '/api/photos')
  await seeText(page, '照片质量检测通过')
  await page.getByRole('img', { name: '已上传的照片' }).waitFor()
  await screenshot(page, `${candidate.idType}-photo-uploaded`)
  await submitOk(page, button(page, '提交'), '/submit')
  await page.waitForURL(/\/sh\/register\/result/)
}

/**
 * Logs in at /sh/ as a Shanghai candidate does (证件号码 + 密码 + 图形验证码, the captcha's answer from the sandbox) and
 * waits for 报名信息.
 */
export async function logInAtShanghai(page, candidate) {
  const captchaId = await captchaIdOf(page, () => page.goto('/sh/'))
  await page.waitForURL(/\/sh\/login/)
  await seeHeading(page, '考生登录')
  await page.getByLabel('证件号码/准考证号').fill(candidate.idNumber)
  await page.getByLabel('密码', { exact: true }).fill(candidate.password)
  await fillCaptcha(page, captchaId)
  await submitOk(page, button(page, '登录'), '/api/accounts/public/logins')
  await page.waitForURL(/\/sh\/home$/)
  await seeHeading(page, '报名信息')
}
