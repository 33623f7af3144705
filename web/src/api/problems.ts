// Refusals as the UI meets them, for the candidates' UI (http.ts) and the operator console (console/api/http.ts):
// RFC 9457 problem details with the server's stable code and Chinese message, never a raw status for the user.

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
    /** a 429's `Retry-After` in seconds (limits say when to try again), else undefined */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

interface Problem {
  code?: string
  detail?: string
  title?: string
  violations?: unknown
}

/** The body as JSON, or null when there is none or it is not JSON (a proxy's HTML error page). */
export async function problemOf(response: Response): Promise<Problem | null> {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}


/** The ApiError a refused answer stands for: the server's code and message, or a plain Chinese one. */
export function refusalOf(status: number, problem: Problem | null, retryAfter?: string | null): ApiError {
  const seconds = retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : undefined
  return new ApiError(
    status,
    problem?.code ?? `HTTP_${status}`,
    problem?.detail ?? problem?.title ?? (status >= 500 ? '系统繁忙，请稍后再试' : '请求未能完成，请稍后再试'),
    Array.isArray(problem?.violations) ? (problem.violations as Violation[]) : [],
    seconds,
  )
}
