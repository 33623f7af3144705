// The console's 今日概况, 报名信息 and 数据导出 desks (OPS-3) in the browser, on the running stack (./baokao up):
// a demo candidate enrolls and pays at the sandbox bank (as journey.test.mjs does, without its checks), then
// `operator` (Shandong's administrator) reads 今日概况 and the enrollments filtered by city, `finance-sd` exports the
// demo exam's 已缴费 list per 考点 as CSV, downloads it and the test reads the candidate's row in it, and `city-jinan`
// sees 济南's enrollments only. Screenshots at 1280 px: e2e/screenshots/console-lists-*.png.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  BAOKAO_URL, PHONE, captchaIdOf, clearScreenshots, launch, newPage, photographFailure, screenshot,
} from './support/browser.mjs'
import { consoleLogin, openDesk, operatorToken } from './support/console.mjs'
import { DEMO_EXAM, GATEWAY, awaitSmsCode, latestSmsId, newCandidate, putOnRoster, registerViaApi } from './support/stack.mjs'
import {
  button, fillCaptcha, formItem, pressGetCode, seeHeading, seeText, submitOk, tick, until, waitForText,
} from './support/ui.mjs'
import { chooseExam, confirmEnrollment, fillPersonalInfo, payAtSandboxBank } from './support/wizard.mjs'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const DEMO_EXAM_NAME = '2023年普通高等教育专升本考试'
const HANZI = '梅兰竹菊松柏桃李杏桂荷莲'

let browser
/** The candidate who paid, their roster name (in clear in the export) and ID number. */
let paid

before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/** A demo candidate registered, enrolled at 济南 and paid at the sandbox bank, through the candidate's pages. */
async function paidCandidate() {
  const candidate = newCandidate()
  const name = `导出${HANZI[Math.floor(Math.random() * HANZI.length)]}${HANZI[Math.floor(Math.random() * HANZI.length)]}`
  await putOnRoster([candidate], () => name)
  await registerViaApi(candidate)
  const page = await newPage(browser)
  const captchaId = await captchaIdOf(page, () => page.goto('/sd/login'))
  await page.getByLabel('证件号码').fill(candidate.idNumber)
  await page.getByLabel('密码', { exact: true }).fill(candidate.password)
  await fillCaptcha(page, captchaId)
  const before = await latestSmsId(candidate.phone)
  await pressGetCode(page, candidate.phone)
  await page.getByLabel('短信验证码').fill(await awaitSmsCode(candidate.phone, before))
  await submitOk(page, button(page, '登录'), '/api/accounts/public/logins')
  await page.waitForURL(/\/sd\/wizard/)

  // 下一步 only after the pledge's 3 s countdown
  await page.getByRole('checkbox', { name: '我已阅读并承诺' }).waitFor({ state: 'attached' })
  await page.waitForFunction(() => !document.querySelector('.pledge input[type=checkbox]')?.disabled,
    null, { timeout: 10000 })
  await tick(page, '我已阅读并承诺')
  await button(page, '下一步').click()

  await seeHeading(page, '采集个人照片')
  await button(page, '手机扫码拍照').click()
  const dialog = page.getByRole('dialog', { name: '采集照片' })
  const link = dialog.getByLabel('拍照链接')
  await link.waitFor()
  const phone = await newPage(browser, PHONE)
  await phone.goto((await link.inputValue()).replace(/^https?:\/\/[^/]+/, BAOKAO_URL))
  await phone.getByLabel('选择或拍摄照片').setInputFiles(join(FIXTURES, 'portrait.jpg'))
  await button(phone, '上传照片').click()
  await seeText(phone, '照片已上传，请在电脑上确认', 60000)
  await phone.context().close()
  await waitForText(dialog, '照片质量检测通过', 'the capture dialog', 30000)
  await button(dialog, '确认').click()
  await seeText(page, '比对通过', 60000)
  await button(page, '保存，下一步').click()

  await fillPersonalInfo(page)
  await chooseExam(page)
  await confirmEnrollment(page)
  await payAtSandboxBank(page)
  await page.context().close()
  return { ...candidate, name }
}

/**
 * A console filter's select by its form label: the desks' selects show their value (the exam preselected), whose text
 * covers the select's input, so the select's box is clicked rather than the labelled input.
 */
async function pick(page, label, option) {
  await formItem(page, label).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

/** The enrollment-service list as an operator's API call sees it (to wait for the payment to arrive there). */
async function enrollmentsOf(username, query) {
  const response = await fetch(`${GATEWAY}/sd/api/enrollments/operations/enrollments?${query}`, {
    headers: { Authorization: `Bearer ${await operatorToken(username)}` },
  })
  assert.equal(response.status, 200, await response.clone().text())
  return response.json()
}

test('a demo candidate enrolls at 济南 and pays (the data the desks show)', { timeout: 6 * 60 * 1000 },
  () => photographFailure(browser, async () => {
    paid = await paidCandidate()
    // enrollment-service completes the enrollment when payment-service's event arrives
    const last2 = paid.idNumber.slice(-2)
    // the list runs in 考点 and enrollment order: the newest enrollment is on its last page
    const query = `exam=${DEMO_EXAM}&status=COMPLETED&city=3701`
    for (let i = 0; i < 60; i++) {
      const { total } = await enrollmentsOf('operator', `${query}&size=1`)
      const list = await enrollmentsOf('operator',
        `${query}&size=100&page=${Math.max(0, Math.ceil(total / 100) - 1)}`)
      if (list.items.some((row) => row.maskedIdNumber?.endsWith(last2) && row.maskedName?.startsWith('导'))) return
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    assert.fail('the paid enrollment never reached 已完成网上报名 in the operators\' list')
  }))

test('operator sees 今日概况 with the open exam\'s figures', { timeout: 2 * 60 * 1000 },
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'operator')
    await seeHeading(page, '今日概况')
    const exam = page.getByRole('region', { name: DEMO_EXAM_NAME })
    await exam.waitFor()
    for (const figure of ['已注册考生', '已确认报考', '已完成缴费', '待支付订单', '对账差异待处理']) {
      const card = exam.getByRole('group', { name: figure, exact: true })
      await waitForText(card, /\d/, `the card ${figure}`)
      assert.doesNotMatch(await card.innerText(), /加载失败/, `${figure} loaded`)
    }
    const completed = await exam.getByRole('group', { name: '已完成缴费', exact: true }).innerText()
    assert.ok(Number(completed.replace(/\D/g, '')) >= 1, `已完成缴费 counts the paid candidate: ${completed}`)
    await waitForText(page.getByRole('region', { name: '全考试院待办' }), '人工审核待处理', 'the bureau figures')
    await seeText(page, /更新于 \d{2}:\d{2}:\d{2}/)
    await screenshot(page, 'today')
    await page.context().close()
  }))

test('operator filters the enrollments by city', { timeout: 2 * 60 * 1000 },
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'operator')
    await openDesk(page, '报名信息')
    await pick(page, '考试', DEMO_EXAM_NAME)
    await pick(page, '地市', '济南市')
    await pick(page, '报名状态', '已完成网上报名')
    await button(page, '查询').click()
    await waitForText(page.locator('.el-table__body'), '济南市', 'the enrollments table')
    // the exam's whole list shows first; 查询 replaces it with the filtered one
    const places = await until(() => page.locator('.el-table__body tr td:nth-child(5)').allInnerTexts(),
      (shown) => shown.length >= 1 && shown.every((place) => place.trim() === '济南市'), 'only 济南市 rows')
    assert.ok(places.length >= 1)
    // the list runs in 考点 and enrollment order: the candidate who enrolled just now is on its last page (the
    // system tests' journeys at 济南 come first)
    await page.locator('.el-pager li').last().click()
    const body = await until(() => page.locator('.el-table__body').innerText(),
      (shown) => shown.includes(`${paid.name[0]}*`), 'the paid candidate, masked, on the last page')
    assert.ok(!body.includes(paid.name), 'the list shows no name in clear')
    await screenshot(page, 'enrollments')
    await page.context().close()
  }))

test('finance-sd exports the demo exam\'s paid list per 考点, downloads it and the file holds the paid candidate',
  { timeout: 3 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'finance-sd')
    await openDesk(page, '数据导出')
    await pick(page, '考试', DEMO_EXAM_NAME)
    await page.getByRole('radio', { name: '已缴费' }).check({ force: true })
    await page.getByRole('radio', { name: '按考点' }).check({ force: true })
    await page.getByRole('radio', { name: 'CSV' }).check({ force: true })
    await page.getByLabel('导出原因').fill('制作济南考点缴费名单')
    await screenshot(page, 'export-form')
    await button(page, '生成').click()
    const current = page.getByLabel('当前导出')
    await waitForText(current, '已完成', 'the export', 60000)
    await screenshot(page, 'export-done')
    const [download] = await Promise.all([page.waitForEvent('download'), button(current, '下载').click()])
    assert.match(download.suggestedFilename(), new RegExp(`^${DEMO_EXAM}-已缴费-按考点-.*\\.csv$`))
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
    const lines = csv.trim().split(/\r\n/)
    assert.equal(lines[0], '分组,序号,考点代码,考点名称,姓名,证件号码,手机号,报考类型,科目组,报名状态,应缴金额(元),确认时间,完成时间')
    const row = lines.find((line) => line.includes(`,${paid.name},`))
    assert.ok(row, `the paid candidate ${paid.name} is in the file:\n${csv.slice(0, 2000)}`)
    const cells = row.split(',')
    assert.equal(cells[0], '3701 济南市')
    assert.equal(cells[3], '济南市')
    assert.match(cells[5], new RegExp(`^\\d{2}\\*+${paid.idNumber.slice(-2)}$`), 'the ID number masked')
    assert.equal(cells[9], '已完成网上报名')
    assert.equal(cells[10], '230.00')
    assert.ok(lines.slice(1).every((line) => line.split(',')[9] === '已完成网上报名'), 'paid candidates only')
    await waitForText(page.locator('.el-table').last(), '制作济南考点缴费名单', 'the history')
    await screenshot(page, 'export-history')
    await page.context().close()
  }))

test('city-jinan sees 济南\'s enrollments only', { timeout: 2 * 60 * 1000 },
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'city-jinan')
    await openDesk(page, '报名信息')
    await pick(page, '考试', DEMO_EXAM_NAME)
    await waitForText(page.locator('.el-table__body'), '济南市', 'the enrollments table')
    const places = await page.locator('.el-table__body tr td:nth-child(5)').allInnerTexts()
    assert.ok(places.length >= 1 && places.every((place) => place.trim() === '济南市'), `only 济南: ${places}`)
    // the 地市 choices are the operator's city only
    await formItem(page, '地市').locator('.el-select__wrapper').click()
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    const cities = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    assert.deepEqual(cities.map((c) => c.trim()), ['济南市'])
    await page.keyboard.press('Escape')
    // and the API answers another city as absent (404)
    const other = await fetch(`${GATEWAY}/sd/api/enrollments/operations/enrollments?exam=${DEMO_EXAM}&city=3702`, {
      headers: { Authorization: `Bearer ${await operatorToken('city-jinan')}` },
    })
    assert.equal(other.status, 404)
    await screenshot(page, 'city-jinan')
    await page.context().close()
  }))
