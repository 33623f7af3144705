// Small helpers over the UI's Element Plus pages: form fields by label, their error line, selects, the captcha.
// playwright-core has no `expect`: everything here waits on a condition (a locator's state, a response) and
// fails with a message saying what did not appear.
import assert from 'node:assert/strict'
import { captchaIdOf, PATIENCE } from './browser.mjs'
import { captchaAnswer, noteSmsCooldown, sleep } from './stack.mjs'

/** The Element Plus form item whose label is exactly `label`. */
export function formItem(scope, label) {
  return scope.locator('.el-form-item').filter({
    has: scope.locator('.el-form-item__label', { hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) }),
  })
}

/** Waits until the field's error line (next to the field) says `message`; answers the text shown. */
export async function expectFieldError(scope, label, message) {
  const error = formItem(scope, label).locator('.el-form-item__error')
  await waitForText(error, message, `the error of 「${label}」`)
  return (await error.textContent()).trim()
}

/** Waits until the locator is visible and contains `text` (a string or RegExp). */
export async function waitForText(locator, text, what = String(text), timeout = PATIENCE) {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout })
  } catch (error) {
    const shown = await locator.allTextContents().catch(() => [])
    assert.fail(`${what}: expected to show ${JSON.stringify(String(text))}, shows ${JSON.stringify(shown)}\n${error.message.split('\n')[0]}`)
  }
}

/** Waits for visible text anywhere on the page. */
export async function seeText(page, text, timeout = PATIENCE) {
  try {
    await page.getByText(text).first().waitFor({ state: 'visible', timeout })
  } catch (error) {
    assert.fail(`expected ${JSON.stringify(String(text))} on ${page.url()}\n${error.message.split('\n')[0]}`)
  }
}

/** Waits for a heading (a step's title: the step indicator names every step, so plain text would not do). */
export async function seeHeading(page, name, timeout = PATIENCE) {
  try {
    await page.getByRole('heading', { name, exact: true }).first().waitFor({ state: 'visible', timeout })
  } catch (error) {
    const shown = await page.getByRole('heading').allTextContents().catch(() => [])
    assert.fail(`expected the heading ${JSON.stringify(name)} on ${page.url()}, headings: ${JSON.stringify(shown)}`)
  }
}

/** An Element Plus select by its label: opens it and picks the option named `option` (string or RegExp), or the first. */
export async function choose(page, label, option) {
  const select = page.getByLabel(label, { exact: true })
  await select.click()
  const options = page.locator('.el-select-dropdown__item:visible')
  const pick = option === undefined ? options.first() : options.filter({ hasText: option }).first()
  await pick.click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

/** Fills the image captcha with the answer of the captcha the UI just loaded (its id from the network). */
export async function fillCaptcha(page, captchaId, scope = page) {
  await scope.getByLabel('验证码', { exact: true }).fill(await captchaAnswer(captchaId))
}

/**
 * Presses 获取验证码 for a code to `phone` as a person would: at once, and if the platform answers that this phone's
 * last code of the same purpose is too recent (ACC-6: 429 TOO_FREQUENT, the seconds left in Retry-After), once the
 * button's countdown is over, with the fresh captcha the page loaded. The code must be sent in the end (else fails
 * with the server's answer). Notes the cooldown announced (for tests that ask through the API) and answers the id of
 * the captcha loaded after the code was sent (single use).
 */
export async function pressGetCode(page, phone, scope = page) {
  for (let attempt = 0; ; attempt++) {
    const [sent, captchaId] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/accounts/public/sms-codes/') && r.request().method() === 'POST'),
      captchaIdOf(page, () => button(scope, '获取验证码').click()),
    ])
    const wait = Number(sent.headers()['retry-after'] ?? 0)
    if (sent.status() === 429 && wait > 0 && attempt < 2 && (await sent.json().catch(() => ({}))).code === 'TOO_FREQUENT') {
      await fillCaptcha(page, captchaId, scope)
      await sleep(wait * 1000)
      await button(scope, '获取验证码').waitFor({ state: 'visible' })
      continue
    }
    assert.ok(sent.ok(), `获取验证码: ${sent.status()} ${await sent.text().catch(() => '')}`)
    noteSmsCooldown(phone, sent.url().replace(/^.*\/sms-codes\//, ''), (await sent.json()).resendAfterSeconds)
    return captchaId
  }
}

/** Ticks an Element Plus checkbox (its native box is hidden behind the drawn one) by its accessible name. */
export async function tick(page, name) {
  const box = page.getByRole('checkbox', { name })
  await box.waitFor({ state: 'attached' })
  if (!(await box.isChecked())) {
    // the UI lays the native box over the drawn one; where it does not, the drawn one takes the click
    await box.check({ timeout: 3000 })
      .catch(() => page.locator('.el-checkbox').filter({ has: box }).locator('.el-checkbox__inner').click())
  }
  assert.ok(await box.isChecked(), `the checkbox ${name} is ticked`)
}

export function button(scope, name) {
  return scope.getByRole('button', { name, exact: true })
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Clicks `target` and answers the API response it causes (`path` in the URL, POST/PUT); fails with the server's
 * answer unless it is a 2xx, so a refused step says why.
 */
export async function submitOk(page, target, path) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(path) && ['POST', 'PUT'].includes(r.request().method())),
    target.click(),
  ])
  assert.ok(response.ok(), `${path} answered ${response.status()}: ${await response.text().catch(() => '')}`)
  return response
}

/** The value shown for `label` in a section's table (dt → dd). */
export function shown(page, section, label) {
  return page.getByRole('region', { name: section }).locator('dl > div').filter({
    has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
  }).locator('dd')
}

/** Waits until the row `label` of section `section` shows `text`. */
export async function expectShown(page, section, label, text) {
  await waitForText(shown(page, section, label), text, `${section} · ${label}`)
}

/** Opens an Element Plus select labelled `label` inside `scope` and picks the option containing `option`. */
export async function pick(page, scope, label, option) {
  await scope.getByLabel(label, { exact: true }).click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: option }).first().click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

/**
 * Reads `read()` until `accepted(value)` holds (a list refreshed by the server's answer, not the one shown before);
 * fails with `what` and the last value read after `timeout`.
 */
export async function until(read, accepted, what, timeout = PATIENCE) {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await read()
    if (accepted(value)) return value
    if (Date.now() > deadline) assert.fail(`${what}: last read ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Waits until `locator` matches exactly `count` elements. */
export async function untilCount(locator, count, what, timeout = PATIENCE) {
  return until(() => locator.count(), (n) => n === count, `${what} (expected ${count})`, timeout)
}
