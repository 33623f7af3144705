// The operator console (OPS-3) in the browser tests: each demo operator (infra/keycloak/baokao-realm.json, one per
// role) logs in through Keycloak's own page, as a person would, and lands on the console.
import { componentUrl } from '../../stack-components.mjs'
import { DESKTOP, newPage } from './browser.mjs'

const KEYCLOAK = componentUrl('keycloak')

export const OPERATOR_PASSWORD = 'Operator@2026'

/** The demo operators by role: login name, bureau, and the scope their user attributes give. */
export const OPERATORS = {
  adminSd: { username: 'operator', bureau: 'sd', role: 'bureau-admin' },
  adminSh: { username: 'admin-sh', bureau: 'sh', role: 'bureau-admin' },
  cityJinan: { username: 'city-jinan', bureau: 'sd', role: 'city-operator', city: '3701' },
  reviewerFudan: { username: 'reviewer-fudan', bureau: 'sh', role: 'university-reviewer', university: '10246' },
  reviewerShutcm: { username: 'reviewer-shutcm', bureau: 'sh', role: 'university-reviewer', university: '10268' },
  financeSd: { username: 'finance-sd', bureau: 'sd', role: 'finance' },
  financeSh: { username: 'finance-sh', bureau: 'sh', role: 'finance' },
  auditorSd: { username: 'auditor-sd', bureau: 'sd', role: 'auditor' },
}

/**
 * A new browser context logged in to the console as `username`: /console/ sends it to Keycloak's login page, the
 * test types the name and password there and waits until the console shows the operator's menu.
 */
export async function consoleLogin(browser, username, { device = DESKTOP, path = '/console/' } = {}) {
  const page = await newPage(browser, device)
  await page.goto(path)
  await page.locator('#username').waitFor()
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(OPERATOR_PASSWORD)
  await page.getByRole('button', { name: /登录|Sign In/ }).click()
  await page.getByRole('navigation', { name: '业务菜单' }).waitFor()
  return page
}

/** Opens a desk from the console's menu by its visible title. */
export async function openDesk(page, title) {
  await page.getByRole('navigation', { name: '业务菜单' }).getByRole('menuitem', { name: title, exact: true }).click()
  await page.getByRole('heading', { name: title }).first().waitFor()
}

/**
 * An operator's access token for API checks beside the browser (the local realm's automation client, password
 * grant, as the existing reviewer tests do): the same user, roles and attributes as the console's login.
 */
export async function operatorToken(username) {
  const body = new URLSearchParams({ grant_type: 'password', client_id: 'baokao-automation',
    client_secret: 'baokao-automation-secret', username, password: OPERATOR_PASSWORD })
  const response = await fetch(`${KEYCLOAK}/realms/baokao/protocol/openid-connect/token`, { method: 'POST', body })
  if (!response.ok) throw new Error(`no token for ${username}: ${response.status} ${await response.text()}`)
  return (await response.json()).access_token
}
