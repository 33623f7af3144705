// The Shandong journey with the photo taken where the candidate is (issue 22 items 1 and 6), on the running stack
// (./baokao up). On a 375×812 phone alone: register, log in, pledge, 拍照 on the phone itself (no QR code, no second
// device), identity passed, personal info, exam choice, 确认报考信息 with the photo, payment at the sandbox bank,
// 信息预览 with the photo and the 报名信息表 PDF downloaded. On a 1280 px desktop: 上传照片文件, a photo without a face
// refused with its reason, then a portrait taken sideways (EXIF Orientation 6) accepted upright, to the 报名信息表.
// The steps they share with journey.test.mjs are support/wizard.mjs; every screen is photographed
// (e2e/screenshots/phone-journey-NN-*.png).
import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { PHONE, checkPage, clearScreenshots, launch, newPage, photographFailure, screenshot } from './support/browser.mjs'
import { newCandidate, putOnRoster, registerViaApi } from './support/stack.mjs'
import { button, seeHeading, seeText, waitForText } from './support/ui.mjs'
import {
  acceptPledge, chooseExam, confirmEnrollment, downloadRegistrationForm, expectCandidatePhoto, fillPersonalInfo,
  logInInBrowser, payAtSandboxBank, registerInBrowser,
} from './support/wizard.mjs'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
/** A phone of today's common size: 375 px wide, 812 px tall. */
const PHONE_812 = { ...PHONE, viewport: { width: 375, height: 812 } }

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/** The photo waiting for 确认提交 is loaded and portrait, as photo-service normalized it (480×640). */
async function expectUploadedPortrait(page) {
  const photo = page.getByRole('img', { name: '待提交的照片' })
  await photo.waitFor()
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle())
  assert.deepEqual(await photo.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [480, 640])
}

/** 确认提交, the identity comparison passes, 保存，下一步. */
async function submitPhotoAndPass(page, name) {
  await button(page, '确认提交').click()
  await seeText(page, '比对通过', 60000)
  await checkPage(page)
  await screenshot(page, `${name}-photo-passed`)
  await button(page, '保存，下一步').click()
}

/** 2.5 with the photo, 2.6 with the photo and the bank, 2.7 with the photo and the 报名信息表. */
async function confirmPayPreview(page, name) {
  await fillPersonalInfo(page)
  await chooseExam(page)
  await seeHeading(page, '确认报考信息')
  await expectCandidatePhoto(page)
  await confirmEnrollment(page)
  await expectCandidatePhoto(page)
  await payAtSandboxBank(page)
  await button(page, '信息预览').click()
  await seeText(page, '你已完成网上报名')
  await expectCandidatePhoto(page)
  await checkPage(page)
  await screenshot(page, `${name}-preview-with-photo`)
  await downloadRegistrationForm(page)
  assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
}

test('on a 375×812 phone alone: the whole journey, the photo taken on the phone itself, the 报名信息表 downloaded',
  { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = newCandidate()
    await putOnRoster([candidate], () => '手机考生甲')
    const page = await newPage(browser, PHONE_812)

    await registerInBrowser(page, candidate)
    await logInInBrowser(page, candidate)
    await acceptPledge(page)

    // 2.2 on the phone: 拍照 and 从相册选择 right here, no QR code for a second device
    const camera = page.getByLabel('拍照', { exact: true })
    await camera.waitFor({ state: 'attached' })
    assert.equal(await camera.getAttribute('capture'), 'user', '拍照 opens the front camera')
    await page.getByLabel('从相册选择', { exact: true }).waitFor({ state: 'attached' })
    assert.equal(await button(page, '手机扫码拍照').count(), 0, 'no QR code on the phone that would scan it')
    await checkPage(page)
    await screenshot(page, 'phone-photo-step')
    await camera.setInputFiles(join(FIXTURES, 'portrait.jpg'))
    await seeText(page, '照片质量检测通过', 60000)
    await expectUploadedPortrait(page)
    await checkPage(page)
    await screenshot(page, 'phone-photo-taken')
    await submitPhotoAndPass(page, 'phone')

    await confirmPayPreview(page, 'phone')
  }))

test('on a desktop: 上传照片文件, a refused file says why, a sideways portrait (EXIF) is turned and accepted',
  { timeout: 8 * 60 * 1000 }, () => photographFailure(browser, async () => {
    const candidate = newCandidate()
    await putOnRoster([candidate], () => '电脑考生乙')
    await registerViaApi(candidate)
    const page = await newPage(browser)
    await logInInBrowser(page, candidate)
    await acceptPledge(page)

    // 2.2 on a PC: a file from the computer, or the QR code for a phone
    const file = page.getByLabel('上传照片文件', { exact: true })
    await file.waitFor({ state: 'attached' })
    await button(page, '手机扫码拍照').waitFor()
    assert.equal(await page.getByLabel('拍照', { exact: true }).count(), 0, 'no camera button on a PC')
    await checkPage(page)
    await screenshot(page, 'desktop-photo-step')

    await file.setInputFiles(join(FIXTURES, 'no-face.jpg'))
    await waitForText(page.getByRole('alert'), '未检测到人脸', 'the refusal', 60000)
    assert.match(await page.getByRole('alert').filter({ hasText: '未检测到人脸' }).first().textContent(),
      /未检测到人脸，请正对镜头、露出完整五官后重新拍摄/)
    await checkPage(page)
    await screenshot(page, 'desktop-photo-refused')

    // the same button again: the portrait a phone stored landscape with EXIF Orientation 6
    await file.setInputFiles(join(FIXTURES, 'portrait-sideways.jpg'))
    await seeText(page, '照片质量检测通过', 60000)
    assert.equal(await page.getByRole('alert').filter({ hasText: '未检测到人脸' }).count(), 0, 'the refusal is gone')
    await expectUploadedPortrait(page)
    await screenshot(page, 'desktop-photo-sideways-accepted')
    await submitPhotoAndPass(page, 'desktop')

    await confirmPayPreview(page, 'desktop')
  }))
