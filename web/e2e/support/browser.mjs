// Chromium for the browser tests (playwright-core, the system's Chromium: never downloaded), the two devices a
// candidate uses (a desktop and a phone), numbered screenshots, and the checks every page gets: each control has
// an accessible name, nothing scrolls sideways on a 375 px phone, and axe-core finds no serious or critical
// violation on any page a test screenshots.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { componentUrl } from '../../stack-components.mjs'

export const BAOKAO_URL = (process.env.BAOKAO_URL ?? componentUrl('gateway')).replace(/\/$/, '')
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots')

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
export const PHONE = {
  viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/130.0.0.0 Mobile Safari/537.36',
}

/** Locator expectations and waits: generous, the stack may be busy (Kafka projections, the bank's notification). */
export const PATIENCE = 20000

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

/** A new context (its own cookies and storage) with the test's patience; console errors are collected. */
export async function newPage(browser, device = DESKTOP) {
  const context = await browser.newContext({ ...device, baseURL: BAOKAO_URL })
  context.setDefaultTimeout(PATIENCE)
  const page = await context.newPage()
  page.consoleErrors = []
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)))
  // what a failure's report names (photographFailure): the requests that failed or answered 5xx, console errors
  page.troubles = []
  page.on('requestfailed', (r) => page.troubles.push(`${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`))
  page.on('response', (r) => { if (r.status() >= 500) page.troubles.push(`${r.request().method()} ${r.url()} → ${r.status()}`) })
  page.on('console', (m) => { if (m.type() === 'error') page.troubles.push(`console: ${m.text()}`) })
  return page
}

let shots = 0

/**
 * Saves a full-page PNG as e2e/screenshots/<file>-NN-name.png, numbered in the order taken, then runs axe-core on
 * the page (every test screenshots each page it visits, so every page is checked); answers the path. A failure's
 * own photographs (FAILED-n) skip the check: they must not hide the real error.
 */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  shots += 1
  const file = join(SCREENSHOTS, `${prefix()}${String(shots).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  if (!name.startsWith('FAILED')) await expectAccessible(page, file)
  return file
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Elements axe must not judge, each for a reason that is not ours to fix. Kept empty unless a rule truly misfires
 * on a library's internals: then name the exact selector here and say why.
 */
const AXE_EXCLUDE = []

/**
 * axe-core (injected from node_modules, no network) on the page as it is now: fails on any serious or critical
 * violation (WCAG 2.1 A/AA and best practices), naming each rule, the elements it found and the help.
 */
export async function expectAccessible(page, where = page.url()) {
  await settled(page)
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async (exclude) => {
    const result = await window.axe.run({ include: [document], exclude }, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => {
          const why = (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)
          return `${n.target.join(' ')}${why ? ` (${why})` : ''}`
        }),
      }))
  }, AXE_EXCLUDE)
  if (violations.length) {
    const lines = violations.map((v) => `${v.id} [${v.impact}] ${v.help}\n    ${v.targets.join('\n    ')}`)
    throw new Error(`axe-core: serious or critical violations on ${page.url()} (${where}):\n  ${lines.join('\n  ')}`)
  }
}

/**
 * Waits (at most 3 s) for the page's finite CSS transitions and animations to end: a tag, toast or dialog fading in
 * is judged by axe at its final colours, not half-way (a spinner's endless animation is not waited for).
 */
async function settled(page) {
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]))
}

/** journey.test.mjs → "journey-": node --test runs each file in its own process, each numbers its own. */
function prefix() {
  const main = process.argv.find((a) => a.endsWith('.test.mjs'))
  return main ? main.replace(/^.*[\\/]/, '').replace('.test.mjs', '-') : ''
}

/** Removes the previous run's screenshots of this test file. */
export function clearScreenshots() {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const own = prefix()
  for (const file of readdirSync(SCREENSHOTS)) {
    if (own && file.startsWith(own) && file.endsWith('.png')) rmSync(join(SCREENSHOTS, file))
  }
}

/**
 * Every visible form control has an accessible name: a <label> (wrapping or for=), aria-label or aria-labelledby
 * (pointing at non-empty text). Fails listing the offenders.
 */
export async function expectLabelled(page) {
  const offenders = await page.evaluate(() => {
    const selector = 'input:not([type=hidden]), select, textarea, [role=combobox], [role=radio], [role=checkbox]'
    const visible = (el) => {
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      // Element Plus hides the real radio/checkbox input (opacity 0, 0 size) inside a visible <label>: still named
      // by that label, and still checked below if it has a size
      return style.visibility !== 'hidden' && style.display !== 'none' && (box.width > 0 || box.height > 0)
        && el.closest('[aria-hidden=true]') === null
    }
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
    const named = (el) => {
      if ((el.getAttribute('aria-label') ?? '').trim()) return true
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
      if (ids.some((id) => text(document.getElementById(id)))) return true
      if (el.labels && [...el.labels].some((label) => text(label) || label.querySelector('img[alt]'))) return true
      if (el.closest('label') && text(el.closest('label'))) return true
      return false
    }
    const describe = (el) => {
      const attrs = ['id', 'name', 'type', 'role', 'placeholder', 'class']
        .map((a) => el.getAttribute(a) ? `${a}="${el.getAttribute(a).slice(0, 40)}"` : '').filter(Boolean)
      return `<${el.tagName.toLowerCase()} ${attrs.join(' ')}>`
    }
    return [...document.querySelectorAll(selector)].filter(visible).filter((el) => !named(el)).map(describe)
  })
  if (offenders.length) {
    throw new Error(`controls without an accessible name on ${page.url()}:\n  ${offenders.join('\n  ')}`)
  }
}

/** At the page's current width nothing is wider than the screen (no sideways scrolling). */
export async function expectNoHorizontalScroll(page) {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement
    let widest = ''
    if (root.scrollWidth > root.clientWidth) {
      // name the element that sticks out furthest, to say what to fix
      let right = root.clientWidth
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect()
        if (box.right > right + 0.5 && box.width > 0) {
          right = box.right
          widest = `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right edge ${Math.round(box.right)} px`
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest }
  })
  if (scrollWidth > clientWidth) {
    throw new Error(`${page.url()} scrolls sideways: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; ${widest}`)
  }
}

/** The label and phone-width checks of a page, at 375 px: a desktop page is narrowed for the check and widened back. */
export async function checkPage(page) {
  await expectLabelled(page)
  const size = page.viewportSize()
  if (size.width !== 375) {
    await page.setViewportSize({ width: 375, height: 667 })
    try {
      await page.waitForTimeout(0)
      await settle(page)
      await expectNoHorizontalScroll(page)
    } finally {
      await page.setViewportSize(size)
    }
  } else {
    await expectNoHorizontalScroll(page)
  }
}

/** Two animation frames: the layout after a viewport change. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/**
 * Waits for the UI's captcha request (POST /api/accounts/public/captchas) that `action` causes and answers its
 * captchaId. Start this before the action: `const id = captchaIdOf(page, () => page.goto('/login'))`.
 */
export async function captchaIdOf(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/accounts/public/captchas') && r.request().method() === 'POST'
      && r.ok()),
    action(),
  ])
  return (await response.json()).captchaId
}

/**
 * Runs `steps`; if they fail, photographs every open page (…-FAILED-n.png) and adds to the failure what each page
 * showed and the requests that went wrong (CI keeps the log, not the screenshots).
 */
export async function photographFailure(browser, steps) {
  try {
    return await steps()
  } catch (error) {
    let n = 0
    const seen = []
    for (const context of browser.contexts()) {
      for (const page of context.pages()) {
        n += 1
        await screenshot(page, `FAILED-${n}`).catch(() => {})
        const text = await page.locator('body').innerText({ timeout: 2000 }).catch(() => '(no text)')
        seen.push(`page ${n} ${page.url()}: ${text.replace(/\s+/g, ' ').slice(0, 400)}`,
          ...(page.troubles ?? []).slice(-10).map((t) => `  ${t}`))
      }
    }
    if (seen.length && error instanceof Error) error.message += `\n${seen.join('\n')}`
    throw error
  }
}
