// The operator console's 数据导入 and 考试管理 desks (OPS-3) in the browser, on the running stack, each operator logged
// in through Keycloak's own page: Shandong's administrator (`operator`) imports a roster file with bad rows for the demo
// exam, watches the upload and the server's processing finish, reads the row errors in the table and downloads the
// error report, and finds the import in the history; then configures the demo exam SD-ZSB-2023 — an invalid daily
// payment hour is refused with the server's message at the field, the fixed configuration is saved and reads back.
// Shanghai's administrator (`admin-sh`) uploads a course plan with a bad row for the demo sitting SH-ZK-2026-10 and
// sees the row's error (nothing stored). Screenshots at 1280 px: e2e/screenshots/console-exams-NN-*.png.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'
import { clearScreenshots, expectLabelled, launch, photographFailure, screenshot } from './support/browser.mjs'
import { consoleLogin, openDesk } from './support/console.mjs'
import { DEMO_EXAM, newCandidate } from './support/stack.mjs'
import { button, choose, expectFieldError, formItem, seeText, waitForText } from './support/ui.mjs'

const ROSTER_HEADER = '证件类型,证件号码,姓名,考生类型,院校代码,院校名称,专业代码,专业名称'
const SITTING = 'SH-ZK-2026-10'

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/** A roster file of two good rows and two bad ones (line 3: a wrong check digit; line 5: no name). */
function rosterWithBadRows() {
  const [first, second, third] = [newCandidate(), newCandidate(), newCandidate()]
  const wrongCheck = first.idNumber.slice(0, 17) + (first.idNumber.endsWith('1') ? '2' : '1')
  const row = (id, name) => `居民身份证,${id},${name},校荐,10452,山东医学高等专科学校,620403,医学影像技术`
  return [ROSTER_HEADER, row(second.idNumber, '控制台考生甲'), row(wrongCheck, '控制台考生乙'),
    row(third.idNumber, '控制台考生丙'), row(newCandidate().idNumber, '')].join('\n') + '\n'
}

test('数据导入: a roster with bad rows — progress to the end, the row errors in a table and as a download, the history',
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'operator')
    await openDesk(page, '数据导入')
    await choose(page, '考试', DEMO_EXAM)
    const fileName = `考生名单-${Date.now()}.csv`
    await page.getByRole('button', { name: '文件', exact: true }).setInputFiles({
      name: fileName, mimeType: 'text/csv', buffer: Buffer.from(rosterWithBadRows(), 'utf8'),
    })
    await expectLabelled(page)
    await screenshot(page, 'imports-chosen')

    await button(page, '开始导入').click()
    const status = page.getByRole('status')
    await waitForText(status, '已完成：共4行，已处理4行', 'the import summary', 60000)
    await waitForText(status, '错误2行', 'the import summary')

    const table = page.getByRole('region', { name: '错误明细' })
    await waitForText(table, '错误明细', 'the errors section')
    await waitForText(table.locator('.el-table__row').first(), '证件号码', 'the first row error')
    const rows = await table.locator('.el-table__body .el-table__row').allTextContents()
    assert.equal(rows.length, 2, `two row errors: ${rows}`)
    assert.match(rows[0], /^3证件号码/, `line 3, 证件号码: ${rows[0]}`)
    assert.match(rows[1], /^5姓名/, `line 5, 姓名: ${rows[1]}`)
    await screenshot(page, 'imports-errors')

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载错误报告').click()])
    assert.match(download.suggestedFilename(), /^考生名单导入错误-.*\.csv$/)
    const report = await readFile(await download.path(), 'utf8')
    assert.ok(report.includes('行号,列,错误代码,错误原因'), report)
    assert.match(report, /\n3,证件号码,/)
    assert.match(report, /\n5,姓名,/)

    const history = page.getByRole('region', { name: '导入记录' })
    const latest = history.locator('.el-table__body .el-table__row').first()
    await waitForText(latest, fileName, 'the newest import in the history')
    await waitForText(latest, '已完成', 'its state')
    await waitForText(latest, '4/4', 'its rows')
    await waitForText(latest, 'operator', 'who imported it')
    await screenshot(page, 'imports-history')
    await page.context().close()
  }))

test('考试管理: the demo exam — an invalid daily hour is refused at its field, the fixed configuration is saved',
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'operator')
    await openDesk(page, '考试管理')
    const demo = page.locator('.el-table__row').filter({ hasText: DEMO_EXAM })
    await waitForText(demo, '2023年普通高等教育专升本考试', 'the demo exam in the list')
    await waitForText(demo, '报名中', 'its registration open now')
    await button(page, '新建考试').waitFor()
    await screenshot(page, 'exams-list')

    await page.locator('.el-table__row').filter({ hasText: DEMO_EXAM }).getByRole('link').click()
    await seeText(page, '编辑考试：2023年普通高等教育专升本考试')
    const closes = page.getByLabel('每日缴费结束', { exact: true })
    const before = await closes.inputValue()
    assert.match(before, /^\d\d:\d\d$/, `the daily closing hour reads back: ${before}`)
    assert.equal(await page.getByLabel('考试代码', { exact: true }).inputValue(), DEMO_EXAM)
    assert.ok((await page.getByLabel('招生专业目录（JSON）', { exact: true }).inputValue()).includes('"MAJOR_SCOPE"'))
    await expectLabelled(page)

    await closes.fill('25:00')
    await button(page, '保存').click()
    await button(page, '确认保存').click()
    await expectFieldError(page, '每日缴费时段', '每日缴费时段应为HH:mm格式')
    await seeText(page, '保存失败：1处需要修改')
    await screenshot(page, 'exams-invalid-hours')

    await closes.fill(before)
    await button(page, '保存').click()
    await button(page, '确认保存').click()
    await seeText(page, '已保存（报考承诺第')
    assert.equal(await formItem(page, '每日缴费时段').locator('.el-form-item__error').count(), 0)
    await page.reload()
    await seeText(page, '编辑考试：2023年普通高等教育专升本考试')
    assert.equal(await page.getByLabel('每日缴费结束', { exact: true }).inputValue(), before)
    await screenshot(page, 'exams-saved')
    await page.context().close()
  }))

test('考试管理: Shanghai\'s administrator uploads a course plan with a bad row and sees the row\'s error',
  () => photographFailure(browser, async () => {
    const page = await consoleLogin(browser, 'admin-sh')
    await openDesk(page, '考试管理')
    await page.locator('.el-table__row').filter({ hasText: SITTING }).getByRole('link').click()
    await seeText(page, '编辑考试：2026年10月上海市高等教育自学考试')
    const plan = page.getByRole('region', { name: '课程计划导入' })
    await waitForText(plan, '复旦大学', 'the plan overview')
    const csv = ['主考学校代码,专业代码,课程类别,课程代码,课程名称,学分,报考费（元）,考试日期,时段,实践课缴费',
      '10246,B050301,理论,00642,传播学概论,5,四十五,2026-10-24,上午,'].join('\n') + '\n'
    await plan.getByRole('button', { name: '课程计划文件', exact: true }).setInputFiles({
      name: '课程计划.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8'),
    })
    await button(page, '上传课程计划').click()
    await waitForText(plan, '课程计划文件有1处错误，未导入任何课程', 'the refusal')
    const rows = plan.getByRole('region', { name: '课程计划错误' }).locator('.el-table__row')
    await waitForText(rows.first(), '报考费（元）', 'the bad row\'s error')
    const text = await rows.first().textContent()
    assert.match(text, /^2报考费（元）FEE_INVALID/, text)
    await expectLabelled(page)
    await screenshot(page, 'exams-course-plan-errors')
    await page.context().close()
  }))
