// The candidate's session in this browser (issue 22; threat model in docs/WEB.md "Session"). The refresh token lives
// in an HttpOnly cookie that account-service sets and only the bureau's token endpoints receive: script never sees
// it. The access token (15 minutes) lives in this module only, never in storage, so every tab of the browser holds
// its own, asked for with the cookie: a new tab, a reload, or the bank's return page is logged in without a new SMS
// code. Only the API modules change the session (http.ts sends and renews, accounts.ts logs in and out); pages read
// `state`.
// A session belongs to one bureau (BUR-1): the cookie's path is under the page's bureau prefix, and the names below
// carry the bureau, so a tab at /sh/ has nothing of a session at /sd/ (an account at one bureau is no account at
// another).
import { reactive } from 'vue'
import { address } from '../address'

const SCOPE = `baokao.${address.bureau ?? 'none'}`
// ACC-9: an imported candidate's first login is not finished until the password is changed and the phone verified;
// every tab of the browser must know it (a refresh does not say it), so it is kept for the browser, not the tab.
const FIRST_LOGIN = `${SCOPE}.firstLogin`
// Test hook: a browser test may put an access token (and a refresh token from the API's body) here before the
// page loads, for a tab logged in without the login form; the app itself never writes these.
const TEST_ACCESS = `${SCOPE}.access`
const TEST_REFRESH = `${SCOPE}.refresh`

/** The answer of a login and of a token refresh (account-service, OAuth2 names); a browser's has no refresh_token. */
export interface TokenAnswer {
  access_token: string
  refresh_token?: string
  expires_in: number
  mustChangePassword?: boolean
  mustVerifyPhone?: boolean
}

let accessToken: string | null = sessionStorage.getItem(TEST_ACCESS)

const state = reactive({
  loggedIn: !!accessToken,
  firstLoginPending: !!localStorage.getItem(FIRST_LOGIN),
  /** whether this tab has asked the cookie once (a page behind login waits for it: see `session.ready`) */
  checked: !!accessToken,
})

/** Tells the other tabs of this browser (same bureau) that the session ended or began. */
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${SCOPE}.session`)

const forgetListeners: Array<() => void> = []
let restoreListener: (() => void) | null = null

tabs?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'logout') {
    forget()
    forgetListeners.forEach((listener) => listener())
  } else if (event.data === 'login' && !state.loggedIn) {
    restoreListener?.()
  }
})

function forget() {
  accessToken = null
  sessionStorage.removeItem(TEST_ACCESS)
  sessionStorage.removeItem(TEST_REFRESH)
  localStorage.removeItem(FIRST_LOGIN)
  state.loggedIn = false
  state.firstLoginPending = false
  state.checked = true
}

let ready: Promise<void> = Promise.resolve()

export const session = {
  state,
  accessToken: () => accessToken,
  /** a refresh token a test handed over (the app's own is in the cookie, out of reach) */
  testRefreshToken: () => sessionStorage.getItem(TEST_REFRESH),
  /** resolves once this tab knows whether it is logged in (the first check with the cookie is done) */
  ready: () => ready,
  /** set by http.ts: the first check, run once when the page loads, and again when another tab logs in */
  startCheck(check: () => Promise<void>) {
    restoreListener = () => { ready = check() }
    ready = state.checked ? Promise.resolve() : check().finally(() => { state.checked = true })
  },
  /** keeps a login's or a refresh's access token; `login` says whether the answer is a login's (ACC-9 flags) */
  store(tokens: TokenAnswer, login = false) {
    accessToken = tokens.access_token
    if (tokens.refresh_token && sessionStorage.getItem(TEST_REFRESH)) {
      sessionStorage.setItem(TEST_REFRESH, tokens.refresh_token)
    }
    if (sessionStorage.getItem(TEST_ACCESS)) {
      sessionStorage.setItem(TEST_ACCESS, tokens.access_token)
    }
    const wasLoggedIn = state.loggedIn
    state.loggedIn = true
    state.checked = true
    if (login) {
      state.firstLoginPending = !!(tokens.mustChangePassword || tokens.mustVerifyPhone)
      if (state.firstLoginPending) {
        localStorage.setItem(FIRST_LOGIN, '1')
      } else {
        localStorage.removeItem(FIRST_LOGIN)
      }
    }
    if (!wasLoggedIn && login) {
      tabs?.postMessage('login')
    }
  },
  finishFirstLogin() {
    localStorage.removeItem(FIRST_LOGIN)
    state.firstLoginPending = false
  },
  /** this tab's session is over (a refused refresh); the other tabs find out at their own next call */
  clear() {
    forget()
  },
  /** 退出: this tab and every other tab of the browser */
  endEverywhere() {
    forget()
    tabs?.postMessage('logout')
  },
  /** called when another tab ended the session (a page may leave for the login page) */
  onEndedElsewhere(listener: () => void) {
    forgetListeners.push(listener)
  },
}
