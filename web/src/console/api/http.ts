// The one way the operator console calls the platform's API through the gateway: the operator's Keycloak access
// token (auth.ts renews it), every call at the address of the operator's bureau (`/api/x` is sent as `/sd/api/x`;
// the services refuse another bureau's address with 404), refusals as ApiError with the server's code and Chinese
// message. Only the modules beside this file call it; pages call those.
import { ApiError, problemOf, refusalOf } from '../../api/problems'
import { accessToken, auth } from '../auth'

export { ApiError }

export interface ConsoleCallOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'

/** The operator's bureau's address of an API path. */
export function bureauPath(path: string): string {
  return `/${auth.operator?.bureau ?? ''}${path}`
}

/** A JSON call (a FormData body is sent as multipart); the answer as T, null when the server sends no body. */
export async function consoleApi<T>(path: string, options: ConsoleCallOptions = {}): Promise<T> {
  const response = await send(path, options)
  const json: any = await problemOf(response)
  if (!response.ok) throw refusalOf(response.status, json)
  return json as T
}

/** A file the operator downloads (an export, an error report): the Blob and the name the server gave it. */
export async function consoleFile(path: string, options: ConsoleCallOptions = {}): Promise<{ blob: Blob; name: string | null }> {
  const response = await send(path, { ...options, headers: { Accept: '*/*', ...options.headers } })
  if (!response.ok) throw refusalOf(response.status, await problemOf(response).catch(() => null))
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return { blob: await response.blob(), name: utf8 ? decodeURIComponent(utf8[1]) : plain ? plain[1] : null }
}

/**
 * Uploads a file as multipart with progress (0–100) reported while it is sent: fetch cannot tell upload progress,
 * so this one call uses XMLHttpRequest. Answers the JSON the server sent.
 */
export async function consoleUpload<T>(path: string, form: FormData, onProgress: (percent: number) => void,
  method = 'POST'): Promise<T> {
  const token = await accessToken()
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open(method, bureauPath(path))
    request.setRequestHeader('Authorization', `Bearer ${token}`)
    request.setRequestHeader('Accept', 'application/json, application/problem+json')
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    request.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE))
    request.onload = () => {
      let json: any = null
      try {
        json = request.responseText ? JSON.parse(request.responseText) : null
      } catch {
        json = null
      }
      if (request.status >= 200 && request.status < 300) resolve(json as T)
      else reject(refusalOf(request.status, json))
    }
    request.send(form)
  })
}

async function send(path: string, options: ConsoleCallOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers }
  let body: BodyInit | undefined
  if (options.body instanceof FormData) {
    body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  headers.Authorization = `Bearer ${await accessToken()}`
  try {
    return await fetch(bureauPath(path), { method: options.method ?? (body ? 'POST' : 'GET'), headers, body })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE)
  }
}
