// The one way the UI calls the platform's API through the gateway: JSON in, JSON out (or a file as a Blob), the
// candidate's access token, one refresh on 401, refusals as ApiError carrying the server's stable code and Chinese
// message (RFC 9457 problem details), never a raw status for the user. Only the client modules beside this file
// (accounts.ts, enrollment.ts, photos.ts, payments.ts) call it; pages call those.
// Every call goes to this page's bureau (BUR-1): `/api/x` is sent as `/sh/api/x` on a Shanghai page, and the gateway
// passes the bureau on to the service; at the root (the choice of bureau) calls go unprefixed.
import { address } from '../address'
import { ApiError, problemOf, refusalOf } from './problems'
import { session, type TokenAnswer } from './session'

export { ApiError, type Violation } from './problems'

export interface CallOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  /** send the candidate's access token (default: when logged in) */
  auth?: boolean
  /**
   * a call beside the page's purpose (the header's name): a 401 neither renews nor ends the session, so a tab with a
   * token the call's service does not accept (a test's stub) stays as it is
   */
  side?: boolean
}

/** The gateway's address of one account-service call: renewing the tokens is this file's job, not a page's. */
const REFRESH_PATH = '/api/accounts/public/tokens/refresh'

/** The prefix of this page's bureau, put before every path. */
const BUREAU_PREFIX = address.bureau ? `/${address.bureau}` : ''

/** Sent with every call; account-service refuses a refresh by cookie without it (CSRF). */
const SESSION_HEADER = 'X-Candidate-Session'

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
const JSON_ACCEPT = 'application/json, application/problem+json'

/** A JSON call; the answer as T (null when the server sends no body). */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  return parse<T>(await sendRenewing(path, options), options)
}

/**
 * A protected file (photo, receipt) as a Blob. It asks for any type (an image endpoint would refuse JSON), and a
 * refusal keeps the session: a file that cannot be shown is no reason to log the candidate out.
 */
export async function blob(path: string): Promise<Blob> {
  const response = await sendRenewing(path, { headers: { Accept: '*/*' }, auth: true })
  if (!response.ok) {
    const problem = await problemOf(response).catch(() => null)
    throw new ApiError(response.status, problem?.code ?? `HTTP_${response.status}`,
      problem?.detail ?? '文件暂时无法获取，请稍后再试')
  }
  return response.blob()
}

/** Sends once; on 401 in a logged-in tab renews the tokens once (with the cookie) and sends again. */
async function sendRenewing(path: string, options: CallOptions): Promise<Response> {
  const response = await send(path, options)
  if (response.status === 401 && options.auth !== false && !options.side && session.state.loggedIn) {
    // the access token lives 15 minutes: renew once with the refresh token, then repeat the call
    if (await refreshTokens()) {
      return send(path, options)
    }
  }
  return response
}

async function send(path: string, options: CallOptions): Promise<Response> {
  // the session header: this is the app in a browser (the refresh token stays in the cookie, and a refresh by cookie
  // is allowed: another site's form cannot send this header)
  const headers: Record<string, string> = { Accept: JSON_ACCEPT, [SESSION_HEADER]: '1', ...options.headers }
  for (const [name, value] of Object.entries(headers)) {
    if (value === '') delete headers[name] // an empty value leaves a default header out
  }
  let body: BodyInit | undefined
  if (options.body instanceof FormData) {
    body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const token = session.accessToken()
  if (token && options.auth !== false) {
    headers.Authorization = `Bearer ${token}`
  }
  try {
    return await fetch(BUREAU_PREFIX + path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
}

let refreshing: Promise<boolean> | null = null

/**
 * One refresh at a time, in this tab and across the browser's tabs (Web Locks): the refresh token in the cookie
 * rotates, and a second use of a replaced one looks like theft and ends the session everywhere (RefreshTokens.rotate).
 * The tab that waited sends the cookie the first one got. A refused refresh ends this tab's session; a network
 * failure keeps it (the next call tries again).
 */
function refreshTokens(): Promise<boolean> {
  refreshing ??= oneAtATime(renew).finally(() => {
    refreshing = null
  })
  return refreshing
}

function oneAtATime(work: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
  return locks ? locks.request(`baokao.${address.bureau ?? 'none'}.refresh`, work) : work()
}

async function renew(): Promise<boolean> {
  // a test's refresh token goes in the body, as a partner's client would send it (session.ts, test hook)
  const testToken = session.testRefreshToken()
  try {
    const response = await send(REFRESH_PATH, testToken
      ? { body: { refreshToken: testToken }, auth: false, headers: { [SESSION_HEADER]: '' } }
      : { body: {}, auth: false })
    if (!response.ok) {
      session.clear()
      return false
    }
    session.store((await response.json()) as TokenAnswer)
    return true
  } catch {
    return false
  }
}

/** The first check of a tab: the cookie's session, if the browser has one (a new tab, a reload, the bank's return). */
session.startCheck(async () => {
  if (address.bureau && !session.state.loggedIn) {
    await refreshTokens()
  }
})

async function parse<T>(response: Response, options: CallOptions = {}): Promise<T> {
  const json: any = await problemOf(response)
  if (response.ok) {
    return json as T
  }
  if (response.status === 401 && !options.side) {
    session.clear()
    throw new ApiError(401, json?.code ?? 'SESSION_ENDED', json?.detail ?? '登录已失效，请重新登录')
  }
  throw refusalOf(response.status, json, response.headers.get('Retry-After'))
}
