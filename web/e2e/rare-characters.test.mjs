// Issue 22: a name with a 生僻字 outside the BMP (CJK Extension B, 𠮷 U+20BB7) renders as the character, not as a
// blank box: the UI ships a face for Extensions B-F (rare-font.mjs, 'BK Rare Han'), loaded only for such text. Typed
// into 姓名 of Shanghai's registration form on a phone, the page must have loaded that face, and the field's pixels
// must differ from the same field showing a code point no font has (the .notdef rendering a missing glyph gets).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { PNG } from 'pngjs'
import { PHONE, checkPage, clearScreenshots, launch, newPage, photographFailure, screenshot } from './support/browser.mjs'
import { newShanghaiCandidate, passStepOne } from './support/sh-register.mjs'

const RARE = '𠮷田' // 𠮷 U+20BB7
const MISSING = '\u{2FFFD}田' // unassigned: drawn as .notdef by whichever font is asked

let browser
before(async () => {
  clearScreenshots()
  browser = await launch()
})
after(async () => browser?.close())

/** The pixels of the 姓名 field showing `text`, once the page's fonts have loaded. */
async function fieldShowing(page, field, text) {
  await field.fill(text)
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(200) // a swapped-in face is painted in the next frame
  return PNG.sync.read(await field.screenshot())
}

test('a name with 𠮷 (CJK Extension B) renders with the shipped face, not as a box', { timeout: 120000 },
  () => photographFailure(browser, async () => {
    const page = await newPage(browser, PHONE)
    await page.goto('/sh/register')
    await passStepOne(page, newShanghaiCandidate())
    const name = page.getByLabel('姓名', { exact: true })

    const rare = await fieldShowing(page, name, RARE)
    await checkPage(page)
    await screenshot(page, 'name-rare-character')
    // the page asked for the rare face because of 𠮷, and it loaded
    const faces = await page.evaluate(() => [...document.fonts]
      .filter((face) => face.family.replace(/["']/g, '') === 'BK Rare Han' && face.status === 'loaded')
      .map((face) => face.unicodeRange))
    assert.ok(faces.some((range) => /U\+207D0-20BB7/i.test(range)),
      `the rare-character face holding U+20BB7 was loaded; loaded slices: ${JSON.stringify(faces)}`)

    const missing = await fieldShowing(page, name, MISSING)
    await screenshot(page, 'name-missing-character')
    assert.equal(rare.width, missing.width)
    assert.equal(rare.height, missing.height)
    let differing = 0
    for (let i = 0; i < rare.data.length; i += 4) {
      if (Math.abs(rare.data[i] - missing.data[i]) + Math.abs(rare.data[i + 1] - missing.data[i + 1])
        + Math.abs(rare.data[i + 2] - missing.data[i + 2]) > 60) differing += 1
    }
    // a glyph of 16 px differs from a box in well over a few dozen pixels (at the phone's 2× scale, hundreds)
    assert.ok(differing > 50, `𠮷 is drawn, not the box a missing glyph gets: ${differing} pixels differ`)
    assert.deepEqual(page.consoleErrors, [], 'no uncaught errors in the page')
  }))
