// 数据授权 (API-3) in the browser, on the running stack (./baokao up): a Shandong candidate (put on the demo roster and
// registered through the API, with an enrollment started) logs in, opens 数据授权 from the header, grants 江苏省教育考试院
// (partner-demo) in the confirmation dialog; the test, as that partner's system, gets a token from Keycloak (client
// credentials) and asks the admission endpoint through the gateway: 403 CONSENT_REQUIRED before, 200 after the grant,
// 403 again once the candidate revoked. On a desktop and on a 375 px phone. Then the auditor `auditor-sd` finds the
// partner's reads in the console's 审计日志. Screenshots: e2e/screenshots/consent-NN-*.png.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  DESKTOP, PHONE, checkPage, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, newPage,
  photographFailure, screenshot,
} from './support/browser.mjs'
import { consoleLogin, openDesk } from './support/console.mjs'
import {
  DEMO_EXAM, GATEWAY, KEYCLOAK, loginViaApi, newCandidate, putOnRoster, registerViaApi, sleep,
} from './support/stack.mjs'
import { button, seeHeading, seeText, waitForText } from './support/ui.mjs'

const PARTNER = '江苏省教育考试院'
const NAMES = ['授权考生甲', '授权考生乙']

let browser
const onDesktop = newCandidate('Consent@2026a')
const onPhone = newCandidate('Consent@2026b')
const tokens = new Map()

before(async () => {
  clearScreenshots()
  browser = await launch()
  await putOnRoster([onDesktop, onPhone], (i) => NAMES[i])
  for (const candidate of [onDesktop, onPhone]) {
    await registerViaApi(candidate)
  }
  for (const candidate of [onDesktop, onPhone]) {
    const answer = await loginViaApi(candidate) // once the phone's cooldown since registering is over
    tokens.set(candidate, answer)
    await startEnrollment(answer.access_token)
  }
})
after(async () => browser?.close())

/** Step 1 of the wizard through the API (the pledge accepted), once the roster projection has the candidate. */
async function startEnrollment(accessToken) {
  for (let i = 0; i < 60; i++) {
    const response = await fetch(`${GATEWAY}/sd/api/enrollments/exams/${DEMO_EXAM}/enrollment`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ accepted: true }),
    })
    if (response.ok) return
    const problem = await response.json().catch(() => ({}))
    if (problem.code !== 'PROFILE_NOT_READY') throw new Error(`start: ${response.status} ${JSON.stringify(problem)}`)
    await sleep(500)
  }
  throw new Error('the candidate\'s roster profile never arrived')
}

/** A token exactly as a partner bureau's system gets one: OAuth2 client credentials at the stack's Keycloak. */
async function partnerToken() {
  const response = await fetch(`${KEYCLOAK}/realms/baokao/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=partner-demo&client_secret=partner-demo-secret',
  })
  const answer = await response.json()
  assert.ok(response.ok, `partner token: ${response.status} ${JSON.stringify(answer)}`)
  return answer.access_token
}

/** The partner's admission call through the gateway: status and body. */
async function admission(candidate, name) {
  const response = await fetch(`${GATEWAY}/open-api/v1/candidates/admission`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await partnerToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ idType: 'RESIDENT_ID', idNumber: candidate.idNumber, name }),
  })
  return { status: response.status, body: await response.json() }
}

/** A logged-in Shandong tab whose tokens came through the API (the UI keeps them in sessionStorage, per bureau). */
async function signedIn(candidate, device) {
  const page = await newPage(browser, device)
  const answer = tokens.get(candidate)
  await page.context().addInitScript(({ access, refresh }) => {
    if (!sessionStorage.getItem('baokao.signed-in-by-test')) {
      sessionStorage.setItem('baokao.sd.access', access)
      sessionStorage.setItem('baokao.sd.refresh', refresh)
      sessionStorage.setItem('baokao.signed-in-by-test', '1')
    }
  }, { access: answer.access_token, refresh: answer.refresh_token })
  return page
}

/** Waits until the page's finite animations (a dialog fading in) have ended: screenshots show it, not a ghost. */
async function animationsDone(page) {
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {}))))
}

/** The 江苏省教育考试院 entry of the list. */
function partnerItem(page) {
  return page.getByRole('listitem', { name: PARTNER })
}

async function grantRevokeWalk(candidate, name, device, label) {
  const page = await signedIn(candidate, device)
  await page.goto('/sd/wizard')
  await seeHeading(page, '采集个人照片') // the wizard at the candidate's step (the pledge was accepted)
  const header = page.getByRole('navigation', { name: '账号' })
  await header.getByRole('link', { name: '数据授权' }).click()
  await page.waitForURL(/\/sd\/consents$/)
  await seeHeading(page, '数据授权')
  await waitForText(partnerItem(page), '未授权', `${PARTNER} before the grant`)
  await checkPage(page)
  await screenshot(page, `${label}-not-granted`)

  const before = await admission(candidate, name)
  assert.equal(before.status, 403, JSON.stringify(before.body))
  assert.equal(before.body.code, 'CONSENT_REQUIRED')

  await button(partnerItem(page), '授权').click()
  const dialog = page.getByRole('dialog', { name: '授权确认' })
  await dialog.waitFor()
  for (const seen of [PARTNER, '准考证号', '考试科目', '考点']) {
    await waitForText(dialog, seen, 'the grant dialog says what the partner will see')
  }
  await animationsDone(page)
  await expectNoHorizontalScroll(page)
  await screenshot(page, `${label}-grant-dialog`)
  await button(dialog, '确认授权').click()
  await dialog.waitFor({ state: 'hidden' })
  await waitForText(partnerItem(page), '已授权', `${PARTNER} after the grant`)
  await waitForText(partnerItem(page), '授权时间', 'the grant time')
  await checkPage(page)
  await screenshot(page, `${label}-granted`)

  const granted = await admission(candidate, name)
  assert.equal(granted.status, 200, JSON.stringify(granted.body))
  const sitting = granted.body.admissions.find((a) => a.examCode === DEMO_EXAM)
  assert.ok(sitting, `the admission data names ${DEMO_EXAM}: ${JSON.stringify(granted.body)}`)
  assert.equal(sitting.examName, '2023年普通高等教育专升本考试')

  await button(partnerItem(page), '撤销授权').click()
  const revoke = page.getByRole('dialog', { name: '撤销授权' })
  await revoke.waitFor()
  await waitForText(revoke, '将无法再查询您的准考信息', 'the revoke dialog')
  await animationsDone(page)
  await screenshot(page, `${label}-revoke-dialog`)
  await button(revoke, '确认撤销').click()
  await revoke.waitFor({ state: 'hidden' })
  await waitForText(partnerItem(page), '未授权', `${PARTNER} after the revocation`)
  await waitForText(partnerItem(page), '撤销时间', 'the revocation time')
  await partnerItem(page).getByText('授权记录（1）').click()
  await waitForText(partnerItem(page).locator('.consent-history li'), /授权，.*撤销/, 'the grant in the history')
  await checkPage(page)
  await screenshot(page, `${label}-revoked`)

  const revoked = await admission(candidate, name)
  assert.equal(revoked.status, 403, JSON.stringify(revoked.body))
  assert.equal(revoked.body.code, 'CONSENT_REQUIRED')
  await page.context().close()
}

test('desktop: a candidate grants 江苏省教育考试院 consent and revokes it; the partner\'s admission call follows',
  { timeout: 180000 }, () => photographFailure(browser, () => grantRevokeWalk(onDesktop, NAMES[0], DESKTOP,
    'desktop')))

test('phone: the same at 375 px', { timeout: 180000 },
  () => photographFailure(browser, () => grantRevokeWalk(onPhone, NAMES[1], PHONE, 'phone')))

test('the auditor finds the partner\'s reads of the candidate in 审计日志', { timeout: 120000 },
  () => photographFailure(browser, async () => {
    const candidateId = JSON.parse(Buffer.from(tokens.get(onDesktop).access_token.split('.')[1], 'base64url')).sub
    const auditor = await consoleLogin(browser, 'auditor-sd')
    await openDesk(auditor, '审计日志')
    await auditor.getByLabel('操作人', { exact: true }).fill('partner-demo')
    await auditor.getByLabel('对象编号', { exact: true }).fill(candidateId)
    // the trail is kept from operator.actions: the reads arrive within moments
    const rows = auditor.locator('.el-table__body tr')
    for (let i = 0; i < 30; i++) {
      await button(auditor, '查询').click()
      await auditor.waitForTimeout(300)
      if ((await rows.filter({ hasText: 'outcome: READ' }).count()) > 0) break
      await sleep(1000)
    }
    await waitForText(rows, 'outcome: READ', 'the partner\'s read in the audit trail')
    const read = await rows.filter({ hasText: 'outcome: READ' }).first().innerText()
    assert.match(read, /合作方查询准考信息/)
    assert.match(read, new RegExp(PARTNER))
    assert.match(read, /partner-demo/)
    assert.ok(!read.includes(onDesktop.idNumber), 'the trail names the candidate masked')
    await waitForText(rows, 'outcome: CONSENT_REQUIRED', 'the refused reads are in the trail too')
    await expectLabelled(auditor)
    await screenshot(auditor, 'audit')
    await auditor.context().close()
  }))
