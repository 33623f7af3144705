// The running local stack as the browser tests (and developers) need it: fresh candidates on the demo exam's
// roster, the sandbox's captcha answers and SMS inbox, and API shortcuts for steps a test is not about. The demo
// candidates are Shandong's (bureau `sd`, BUR-1): the API shortcuts go to /sd/api/....
// Addresses: BAOKAO_URL (the gateway or a `npm run dev` server), BAOKAO_SANDBOX, BAOKAO_KEYCLOAK; by default the
// local stack's, from infra/stack/components.txt.
import { componentUrl } from '../../stack-components.mjs'

export const GATEWAY = process.env.BAOKAO_GATEWAY ?? componentUrl('gateway')
export const SANDBOX = process.env.BAOKAO_SANDBOX ?? componentUrl('sandbox')
export const KEYCLOAK = process.env.BAOKAO_KEYCLOAK ?? componentUrl('keycloak')
export const DEMO_EXAM = 'SD-ZSB-2023'
/** The bureaus of the demo stack (BUR-1) and their names, as the lead fixed them. */
export const BUREAUS = { sd: '山东省教育招生考试院', sh: '上海市教育考试院' }
/** The demo candidates' bureau: the pages and API calls of the Shandong tests are under its prefix. */
export const SHANDONG = 'sd'

const JINAN_DISTRICTS = ['370102', '370103', '370104', '370105', '370112']
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11643 check character of the first 17 characters. */
export function checkDigit(first17) {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0)
  return '10X98765432'[sum % 11]
}

/** A resident ID number and phone nobody has used yet (random), with the given password. */
export function newCandidate(password = 'Browser@2026') {
  const district = JINAN_DISTRICTS[Math.floor(Math.random() * JINAN_DISTRICTS.length)]
  const birth = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 15 * 365) * 86400000)
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '')
  const first17 = district + date + String(Math.floor(Math.random() * 1000)).padStart(3, '0')
  const phone = '1' + (3 + Math.floor(Math.random() * 7)) + String(Math.floor(Math.random() * 1e9)).padStart(9, '0')
  return { idNumber: first17 + checkDigit(first17), phone, password }
}

async function json(response, what) {
  const text = await response.text()
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

export async function operatorToken() {
  const response = await fetch(`${KEYCLOAK}/realms/baokao/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=baokao-automation&client_secret=baokao-automation-secret',
  })
  return (await json(response, 'operator token')).access_token
}

/**
 * Puts candidates on the demo exam's roster as an operator would (CSV import) and waits for the import; each
 * becomes 测试考生… of 山东医学高等专科学校, 620403 医学影像技术 (the manual's example), of 考生类型 `type` (校荐,
 * 3+2 or 退役士兵).
 */
export async function putOnRoster(candidates, name = (i) => `浏览器考生${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, type = '校荐') {
  const token = await operatorToken()
  const csv = ['证件类型,证件号码,姓名,考生类型,院校代码,院校名称,专业代码,专业名称',
    ...candidates.map((c, i) => `居民身份证,${c.idNumber},${name(i)},${type},10452,山东医学高等专科学校,620403,医学影像技术`)]
    .join('\n') + '\n'
  const form = new FormData()
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv')
  const imports = `${GATEWAY}/api/accounts/operations/rosters/${DEMO_EXAM}/imports`
  const accepted = await json(await fetch(imports, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form,
  }), 'roster upload')
  for (let i = 0; i < 600; i++) {
    const progress = await json(await fetch(`${imports}/${accepted.importId}`, {
      headers: { Authorization: `Bearer ${token}` },
    }), 'roster import')
    if (progress.status === 'DONE') return progress
    if (progress.status === 'FAILED') throw new Error(`roster import failed: ${JSON.stringify(progress)}`)
    await sleep(200)
  }
  throw new Error('roster import not done in 2 minutes')
}

/** The answer of a captcha, as only the sandbox knows it (local stack and tests only). */
export async function captchaAnswer(captchaId) {
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${SANDBOX}/sandbox/captcha/api/answers/${captchaId}`)
    if (response.ok) return (await response.json()).answer
    await sleep(100)
  }
  throw new Error(`no answer for captcha ${captchaId}`)
}

/** What a bureau's pages show and follow (GET /{bureau}/api/enrollments/public/bureau). */
export async function bureauOf(code) {
  return json(await fetch(`${GATEWAY}/${code}/api/enrollments/public/bureau`), `bureau ${code}`)
}

/** The current version of one of a bureau's texts (GET /{bureau}/api/enrollments/public/bureau/texts/{kind}). */
export async function bureauTextOf(code, kind) {
  return json(await fetch(`${GATEWAY}/${code}/api/enrollments/public/bureau/texts/${kind}`), `${kind} of ${code}`)
}

/** The id of the newest SMS to a phone, or null. */
export async function latestSmsId(phone) {
  const response = await fetch(`${SANDBOX}/sandbox/sms/api/messages/latest?phone=${phone}`)
  return response.ok ? (await response.json()).messageId : null
}

/** Waits for an SMS to the phone newer than `afterId` carrying a 6-digit code; answers the message (its content). */
export async function awaitSmsWithCode(phone, afterId = null, patienceMs = 30000) {
  const until = Date.now() + patienceMs
  while (Date.now() < until) {
    const response = await fetch(`${SANDBOX}/sandbox/sms/api/messages/latest?phone=${phone}`)
    if (response.ok) {
      const message = await response.json()
      if (message.messageId !== afterId && /(?<!\d)\d{6}(?!\d)/.test(message.content)) return message
    }
    await sleep(250)
  }
  throw new Error(`no new SMS code for ${phone} within ${patienceMs} ms`)
}

/** Waits for an SMS to the phone newer than `afterId` and answers the 6-digit code in it. */
export async function awaitSmsCode(phone, afterId = null, patienceMs = 30000) {
  const message = await awaitSmsWithCode(phone, afterId, patienceMs)
  return message.content.match(/(?<!\d)(\d{6})(?!\d)/)[1]
}

/**
 * Asks Shandong for a registration code to `phone` through the API and answers the raw Response: what a second
 * registration code would get right now (ACC-6's cooldown per phone and purpose).
 */
export async function askRegistrationCode(phone) {
  return fetch(`${GATEWAY}/${SHANDONG}/api/accounts/public/sms-codes/registration`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone, ...(await captcha()) }),
  })
}

async function captcha() {
  const issued = await json(await fetch(`${GATEWAY}/${SHANDONG}/api/accounts/public/captchas`, { method: 'POST' }),
    'captcha')
  return { captchaId: issued.captchaId, captcha: await captchaAnswer(issued.captchaId) }
}

async function post(path, body, what) {
  return json(await fetch(`${GATEWAY}/${SHANDONG}${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }), what)
}

// ACC-6 as the platform announces it: a phone gets its next SMS code of the same purpose (registration, login, …)
// `resendAfterSeconds` after the last one (the answer to every code request says so). Tests wait for exactly that,
// never for a minute they assume: the stack `./baokao test` starts has a shorter cooldown, a person's `./baokao up`
// the production 60 s.
const nextSmsCodeAt = new Map()

/** Notes the cooldown an answer to a code request of `purpose` for `phone` announced (its `resendAfterSeconds`). */
export function noteSmsCooldown(phone, purpose, resendAfterSeconds) {
  // from the moment the answer arrived, which is after the server counted the request
  nextSmsCodeAt.set(`${phone} ${purpose}`, Date.now() + resendAfterSeconds * 1000)
}

/** Resolves once `phone` may get its next code of `purpose`, as far as the answers noted tell; at once if none was. */
export async function awaitSmsCooldown(phone, purpose) {
  await sleep(Math.max(0, (nextSmsCodeAt.get(`${phone} ${purpose}`) ?? 0) - Date.now()))
}

/** ACC-1 through the API at Shandong, for tests about later steps. */
export async function registerViaApi(candidate) {
  await awaitSmsCooldown(candidate.phone, 'registration')
  const before = await latestSmsId(candidate.phone)
  const sent = await post('/api/accounts/public/sms-codes/registration', { phone: candidate.phone, ...(await captcha()) },
    'registration code')
  noteSmsCooldown(candidate.phone, 'registration', sent.resendAfterSeconds)
  const smsCode = await awaitSmsCode(candidate.phone, before)
  await post('/api/accounts/public/registrations', {
    idType: 'RESIDENT_ID', idNumber: candidate.idNumber, password: candidate.password,
    confirmPassword: candidate.password, phone: candidate.phone, smsCode, ...(await captcha()),
    acceptPrivacyPolicy: true, acceptServiceAgreement: true,
  }, 'registration')
}

/** ACC-5 through the API at Shandong, once the phone's cooldown since its last login code is over: the token answer. */
export async function loginViaApi(candidate) {
  const id = { idType: 'RESIDENT_ID', idNumber: candidate.idNumber }
  await awaitSmsCooldown(candidate.phone, 'login')
  const before = await latestSmsId(candidate.phone)
  const sent = await post('/api/accounts/public/sms-codes/login', { ...id, ...(await captcha()) }, 'login code')
  noteSmsCooldown(candidate.phone, 'login', sent.resendAfterSeconds)
  const smsCode = await awaitSmsCode(candidate.phone, before)
  return post('/api/accounts/public/logins', { ...id, password: candidate.password, smsCode }, 'login')
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
