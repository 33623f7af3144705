// One way to call the platform's API through the gateway: JSON in, JSON out, refusals as ApiError carrying the
// server's stable code and Chinese message (RFC 9457 problem details), never a raw status for the user.
import { session } from './session'

export interface Violation {
  field: string
  code?: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly violations: Violation[] = [],
  ) {
    super(message)
  }
}

export interface CallOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  /** send the candidate's access token (default: when logged in) */
  auth?: boolean
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const response = await send(path, options)
  if (response.status === 401 && options.auth !== false && session.refreshToken()) {
    // the access token lives 15 minutes: renew once with the refresh token, then repeat the call
    if (await session.refresh()) {
      return parse<T>(await send(path, options))
    }
  }
  return parse<T>(response)
}

async function send(path: string, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers }
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
    return await fetch(path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text()
  let json: any = null
  if (text) {
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
  }
  if (response.ok) {
    return json as T
  }
  if (response.status === 401) {
    session.clear()
    throw new ApiError(401, json?.code ?? 'SESSION_ENDED', json?.detail ?? '登录已失效，请重新登录')
  }
  throw new ApiError(
    response.status,
    json?.code ?? `HTTP_${response.status}`,
    json?.detail ?? json?.title ?? (response.status >= 500 ? '系统繁忙，请稍后再试' : '请求未能完成，请稍后再试'),
    Array.isArray(json?.violations) ? json.violations : [],
  )
}
