// 考生查询 and 审计日志 (OPS-3) in the browser, on the running stack (./baokao up): a candidate is put on Shandong's
// roster and registers (through the API); the bureau administrator `operator` logs in through Keycloak's page, finds
// the candidate by ID number (masked), opens them, reveals the full name, ID number and phone with a typed reason;
// the auditor `auditor-sd` logs in and finds that reveal in 审计日志 with the reason. The city operator `city-jinan`
// (city 3701) does not find the candidate: they have confirmed no enrollment with an exam location in Jinan.
// Screenshots: e2e/screenshots/console-candidates-NN-*.png (1280 px).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { clearScreenshots, expectLabelled, launch, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk } from './support/console.mjs'
import { newCandidate, putOnRoster, registerViaApi, sleep } from './support/stack.mjs'
import { button, seeHeading, seeText, waitForText } from './support/ui.mjs'

const NAME = '查询测试考生'
const REASON = '考生来电咨询报名进度，核对身份'

let browser
let candidate
before(async () => {
  clearScreenshots()
  browser = await launch()
  candidate = newCandidate()
  await putOnRoster([candidate], () => NAME)
  await registerViaApi(candidate)
})
after(async () => browser?.close())

const masked = (id) => `${id.slice(0, 2)}${'*'.repeat(14)}${id.slice(16)}`

/** 考生查询 by 证件号码: fills the form and answers the results table once it shows. */
async function searchById(page, idNumber) {
  // 查询方式 is 证件号码 unless changed: the page's default, as the desk's most common search
  await page.getByLabel('查询方式', { exact: true }).waitFor()
  await page.getByLabel('查询内容', { exact: true }).fill(idNumber)
  await button(page, '查询').click()
  const table = page.getByRole('table').first()
  await page.locator('.el-table').first().waitFor()
  return table
}

test('an administrator finds a candidate by ID number and reveals them with a reason; the auditor sees it', async () => {
  await photographFailure(browser, async () => {
    const admin = await consoleLogin(browser, 'operator')
    await openDesk(admin, '考生查询')
    await searchById(admin, candidate.idNumber)
    const rows = admin.locator('.el-table__body tr')
    await waitForText(rows, masked(candidate.idNumber), 'the result row')
    const shown = await admin.locator('.el-table').first().innerText()
    assert.ok(!shown.includes(candidate.idNumber), 'the list shows the ID number masked')
    assert.ok(!shown.includes(candidate.phone), 'the list shows the phone masked')
    await seeText(admin, `${candidate.phone.slice(0, 3)}****${candidate.phone.slice(7)}`)
    await expectLabelled(admin)
    await screenshot(admin, 'search')

    await rows.first().getByRole('button', { name: '查看' }).click()
    await seeText(admin, '考生账号')
    const candidateId = admin.url().split('/').pop()
    await seeText(admin, masked(candidate.idNumber))
    await seeText(admin, '报名信息')

    await button(admin, '显示完整信息').click()
    const dialog = admin.getByRole('dialog', { name: '显示完整信息' })
    await dialog.waitFor()
    await button(dialog, '确定').click()
    await waitForText(dialog.locator('.el-form-item__error'), '请填写查看原因', 'the dialog refuses without a reason')
    await dialog.getByLabel('查看原因', { exact: true }).fill(REASON)
    await screenshot(admin, 'reveal-reason')
    await button(dialog, '确定').click()
    await dialog.waitFor({ state: 'hidden' })
    await seeText(admin, candidate.idNumber)
    await seeText(admin, candidate.phone)
    await seeText(admin, NAME)
    await seeText(admin, '本次查看已记入审计日志')
    await screenshot(admin, 'revealed')
    await admin.context().close()

    const auditor = await consoleLogin(browser, 'auditor-sd')
    await openDesk(auditor, '审计日志')
    await auditor.getByLabel('对象编号', { exact: true }).fill(candidateId)
    // the trail is kept from operator.actions: the reveal arrives within moments
    const rowsOfTrail = auditor.locator('.el-table__body tr')
    for (let i = 0; i < 30; i++) {
      await button(auditor, '查询').click()
      await auditor.waitForTimeout(300)
      if ((await rowsOfTrail.filter({ hasText: REASON }).count()) > 0) break
      await sleep(1000)
    }
    await waitForText(rowsOfTrail, REASON, 'the reveal in the audit trail')
    const row = rowsOfTrail.filter({ hasText: REASON }).first()
    const text = await row.innerText()
    assert.match(text, /查看考生完整信息/)
    assert.match(text, /operator/)
    assert.ok(!text.includes(candidate.idNumber), 'the trail names the candidate masked')
    await expectLabelled(auditor)
    await screenshot(auditor, 'audit')

    // the auditor reads the desk masked, and has no reveal
    await openDesk(auditor, '考生查询')
    await searchById(auditor, candidate.idNumber)
    await auditor.locator('.el-table__body tr').first().getByRole('button', { name: '查看' }).click()
    await seeText(auditor, '考生账号')
    assert.equal(await auditor.getByRole('button', { name: '显示完整信息' }).count(), 0)
    await auditor.context().close()
  })
})

test('a city operator does not find a candidate outside their city', async () => {
  await photographFailure(browser, async () => {
    const city = await consoleLogin(browser, 'city-jinan')
    await openDesk(city, '考生查询')
    await seeHeading(city, '考生查询')
    await searchById(city, candidate.idNumber)
    await seeText(city, '未找到符合条件的考生')
    await screenshot(city, 'city-not-found')
    await city.context().close()
  })
})
