// Shanghai's 新考生注册 (SST-1, /sh/register) as the browser tests go through it: new candidates of their own (a
// Shanghai 居民身份证 or a 港澳台居民居住证 nobody has used), the sandbox identity provider told how to answer for one
// ID number (so no other test's comparisons change), and step ① filled in by its visible labels.
import { SANDBOX, checkDigit } from './stack.mjs'
import { button, choose, tick } from './ui.mjs'

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
