// GW-2 in the browser: a second gateway of the running stack (gateway/target/gateway.jar, profile local, its own
// port and its own line in the stack's Redis) whose capacity for account-service is one request in flight. A login
// call whose body arrives slowly holds that capacity: it is in flight for as long as the test keeps sending. Then a
// visitor (this test, without a browser) and two new browser sessions — a phone and a desktop — each get the
// waiting page: 排队中，您前面还有 N 人 with their own N. The slow call ends, the line moves one per turn, and each
// page lets itself in and shows the candidate's login page, in ticket order.
// Screenshots: e2e/screenshots/waiting-room-NN-*.png.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  DESKTOP, PATIENCE, PHONE, clearScreenshots, expectLabelled, expectNoHorizontalScroll, launch, photographFailure,
  screenshot,
} from './support/browser.mjs'
import { seeHeading, seeText } from './support/ui.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const JAR = join(ROOT, 'gateway', 'target', 'gateway.jar')
const JAVA = java21()

let browser
let gateway // the child process
let base // http://127.0.0.1:PORT of the second gateway
let gatewayLog = ''
const visitors = [] // polling loops to stop

before(async () => {
  clearScreenshots()
  assert.ok(existsSync(JAR), `${JAR} is missing: build the gateway first (./baokao build)`)
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  gateway = spawn(JAVA, ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-jar', JAR,
    `--server.port=${port}`,
    '--spring.profiles.active=local',
    '--baokao.gateway.waiting-room.capacity.account=1',
    '--baokao.gateway.waiting-room.key-prefix=e2e:{waiting-room}',
    '--baokao.gateway.waiting-room.poll-interval=1s',
    // one admission every 3 s: far enough apart for the order to show through pages that poll every second
    '--baokao.gateway.waiting-room.turn-interval=3s',
    // the held call must not be cut by the route's time limit (10 s by default)
    '--baokao.gateway.breaker.timeout=180s',
    '--logging.level.root=WARN'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  // never left behind, however this process ends
  process.on('exit', () => gateway.exitCode === null && gateway.kill('SIGKILL'))
  for (const stream of [gateway.stdout, gateway.stderr]) {
    stream.on('data', (chunk) => { gatewayLog = (gatewayLog + chunk).slice(-4000) })
  }
  await healthy(base, 180000)
  browser = await launch()
})

after(async () => {
  for (const visitor of visitors) visitor.stop()
  await browser?.close()
  if (gateway && gateway.exitCode === null) {
    gateway.kill('SIGTERM')
    await new Promise((done) => gateway.once('exit', done))
  }
})

test('over capacity new sessions wait their turn on 排队中, then let themselves in, in order', { timeout: 240000 },
  () => photographFailure(browser, async () => {
    const slow = holdWithASlowBody('/api/accounts/public/logins')
    await waitUntil(async () => (await metric('baokao_waiting_room_in_flight', 'route="account"')) === 1,
      'the slow call in flight at the second gateway')

    // a visitor ahead of the browsers (its page would poll like this)
    const ahead = await queuedVisitor()
    assert.equal(ahead.position, 0)

    const phone = await pageAt(PHONE)
    await phone.goto('/sd/')
    await seeText(phone, '排队中，您前面还有 1 人')
    await phone.getByRole('progressbar', { name: '排队进度' }).waitFor()
    await expectLabelled(phone)
    await expectNoHorizontalScroll(phone)
    await screenshot(phone, 'waiting-phone')

    const desktop = await pageAt(DESKTOP)
    await desktop.goto('/sd/login')
    await seeText(desktop, '排队中，您前面还有 2 人')
    await screenshot(desktop, 'waiting-desktop')
    assert.equal(await metric('baokao_waiting_room_queue_length'), 3, 'the queue length is a metric')

    // the pages keep polling: after a few of their refreshes they still wait, as long as the call is in flight
    await phone.waitForTimeout(3000)
    await seeText(phone, '排队中，您前面还有 1 人')

    // who the line let in, in the order their status polls said so
    const admitted = []
    ahead.onAdmitted = () => admitted.push('visitor')
    whenAdmitted(phone, () => admitted.push('phone'))
    whenAdmitted(desktop, () => admitted.push('desktop'))
    slow.finish()
    // the phone asked for /sd/: a visitor not logged in starts at the entry page (seed 000 §1.1)
    await seeHeading(phone, '请选择报名入口', 60000)
    await seeHeading(desktop, '考生登录', 60000)
    await waitUntil(async () => admitted.length === 3, 'all three admitted')
    assert.deepEqual(admitted, ['visitor', 'phone', 'desktop'], 'admitted in the order they came')
    assert.match(phone.url(), /\/sd\/entry$/, 'the phone is where /sd/ leads')
    await screenshot(phone, 'admitted-phone')
    await screenshot(desktop, 'admitted-desktop')

    // in: a reload is no longer queued, whatever the load
    const again = holdWithASlowBody('/api/accounts/public/logins')
    await waitUntil(async () => (await metric('baokao_waiting_room_in_flight', 'route="account"')) === 1,
      'a slow call in flight again')
    await phone.reload()
    await seeHeading(phone, '请选择报名入口')
    again.finish()
    assert.deepEqual(phone.consoleErrors, [], 'no uncaught errors in the page')
  }))

/**
 * Calls `then` once, when the waiting page reloads itself: it does so the moment its status poll says its turn came
 * (the poll's own answer is gone with the page by then, so the reload is what is watched).
 */
function whenAdmitted(page, then) {
  let told = false
  page.on('request', (request) => {
    if (!told && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      told = true
      then()
    }
  })
}

/** A new browser context at the second gateway: its own cookies, as a new candidate's browser. */
async function pageAt(device) {
  const context = await browser.newContext({ ...device, baseURL: base })
  context.setDefaultTimeout(PATIENCE)
  const page = await context.newPage()
  page.consoleErrors = []
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)))
  page.troubles = []
  page.on('response', (r) => { if (r.status() >= 500) page.troubles.push(`${r.request().method()} ${r.url()} → ${r.status()}`) })
  return page
}

/**
 * A POST whose JSON body arrives a space every second until finish(): the gateway has it in flight to the service
 * all that time (it streams the body on; the service waits for the rest). Its answer, a 4xx for an empty login,
 * does not matter. From a client address of the benchmarking range: not the browsers' own.
 */
function holdWithASlowBody(path) {
  const url = new URL(path, base)
  const request = http.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'X-Forwarded-For': '198.18.9.1' },
  })
  request.on('error', () => {})
  request.on('response', (response) => response.resume())
  request.write('{')
  const drip = setInterval(() => request.write(' '), 1000)
  return {
    finish() {
      clearInterval(drip)
      request.end('}')
    },
  }
}

/** A visitor without a browser: takes a ticket with a page load and polls the status every second, as its page would. */
async function queuedVisitor() {
  const page = await fetch(`${base}/sd/`, { headers: { Accept: 'text/html', 'X-Forwarded-For': '198.18.9.2' } })
  assert.equal(page.status, 200)
  assert.match(await page.text(), /排队中/)
  const ticket = page.headers.getSetCookie().find((c) => c.startsWith('baokao_ticket='))
  assert.ok(ticket, 'a ticket cookie')
  const cookie = ticket.split(';')[0]
  const status = async () => (await fetch(`${base}/waiting-room/status`,
    { headers: { Cookie: cookie, Accept: 'application/json' } })).json()
  const visitor = { ...(await status()), onAdmitted: () => {}, stopped: false }
  visitor.stop = () => { visitor.stopped = true }
  ;(async () => {
    while (!visitor.stopped) {
      await new Promise((done) => setTimeout(done, 1000))
      const now = await status().catch(() => ({}))
      if (now.admitted) {
        visitor.onAdmitted()
        return
      }
    }
  })()
  visitors.push(visitor)
  return visitor
}

/** A gauge of the second gateway's /actuator/prometheus (its first series whose labels contain `labels`). */
async function metric(name, labels = '') {
  const text = await (await fetch(`${base}/actuator/prometheus`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels))
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN
}

async function waitUntil(condition, what, timeout = 30000) {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return
    await new Promise((done) => setTimeout(done, 200))
  }
  assert.fail(`not within ${timeout / 1000} s: ${what}`)
}

async function healthy(url, timeout) {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (gateway.exitCode !== null) assert.fail(`the second gateway exited (${gateway.exitCode}):\n${gatewayLog}`)
    const ok = await fetch(`${url}/actuator/health`).then((r) => r.ok).catch(() => false)
    if (ok) return
    await new Promise((done) => setTimeout(done, 500))
  }
  assert.fail(`the second gateway is not healthy after ${timeout / 1000} s:\n${gatewayLog}`)
}

/**
 * A JDK that runs the gateway (21 or later): $JAVA_HOME as ./baokao sets it, else the newest under /usr/lib/jvm
 * (the machine's default `java` may be older).
 */
function java21() {
  const major = (home) => {
    try {
      const version = /JAVA_VERSION="(\d+)/.exec(readFileSync(join(home, 'release'), 'utf8'))
      return version ? Number(version[1]) : 0
    } catch {
      return 0
    }
  }
  const homes = [process.env.JAVA_HOME,
    ...(existsSync('/usr/lib/jvm') ? readdirSync('/usr/lib/jvm').map((name) => join('/usr/lib/jvm', name)) : [])]
    .filter((home) => home && major(home) >= 21 && existsSync(join(home, 'bin', 'java')))
    .sort((a, b) => (a === process.env.JAVA_HOME ? -1 : b === process.env.JAVA_HOME ? 1 : major(b) - major(a)))
  assert.ok(homes.length, 'the gateway needs Java 21 or later: set JAVA_HOME (./baokao does)')
  return join(homes[0], 'bin', 'java')
}

function freePort() {
  return new Promise((done, fail) => {
    const server = net.createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })
}
