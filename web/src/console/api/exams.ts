// 考试管理 (OPS-3): the bureau's exams as enrollment-service's operator API reads and writes them
// (docs/ENROLLMENT.md "Operators' exam API"). Bureau administrators change, auditors read; every call goes to the
// operator's bureau's address, where only that bureau's exams exist.
import { ApiError, bureauPath, consoleApi } from './http'
import { accessToken } from '../auth'
import { refusalOf } from '../../api/problems'

const EXAMS = '/api/enrollments/operations/exams'

export type ExamKind = 'UNIFIED_UPGRADE' | 'SELF_STUDY'

export const EXAM_KINDS: { value: ExamKind; label: string }[] = [
  { value: 'UNIFIED_UPGRADE', label: '普通高等教育专升本考试' },
  { value: 'SELF_STUDY', label: '高等教育自学考试' },
]

export interface ExamSummary {
  code: string
  bureau: string
  name: string
  kind: ExamKind
  kindName: string
  registrationOpensAt: string
  registrationClosesAt: string
  paymentOpensAt: string
  paymentClosesAt: string
  paymentDailyOpens: string
  paymentDailyCloses: string
  pledgeVersion: number
  registrationOpen: boolean
  paymentOpen: boolean
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface Fee { code: string; name: string; amountFen: number | null }
export interface Location { code: string; name: string }

/** An exam's whole configuration in the shape PUT takes (the catalogue as the server holds it). */
export interface ExamDraft {
  code: string
  name: string
  kind: ExamKind | null
  bureau: string
  registration: { opensAt: string | null; closesAt: string | null }
  payment: { opensAt: string | null; closesAt: string | null; dailyOpens: string | null; dailyCloses: string | null }
  fees: Fee[]
  locations: Location[]
  pledgeText: string
  catalogue: Record<string, unknown> | null
  noExamCategories: string[]
}

/** What GET answers: the draft's shape plus what the server derives. */
export interface ExamConfiguration extends ExamDraft {
  kindName: string
  pledge: { version: number; text: string } | null
  registrationOpen: boolean
  paymentOpen: boolean
}

/** One row of a course plan file the server refused, at its line and column. */
export interface RowError { line: number; field: string | null; code: string; reason: string }

/** A course plan file refused row by row: every row error, nothing stored. */
export class RowErrorsRefusal extends ApiError {
  constructor(status: number, code: string, message: string, readonly rowErrors: RowError[]) {
    super(status, code, message)
  }
}

export interface CoursePlanLoaded {
  examCode: string
  courses: number
  majors: { universityCode: string; universityName: string; majorCode: string; majorName: string;
    theoryCourses: number; practicalCourses: number }[]
}

export function listExams(page = 0, size = 20, kind?: ExamKind): Promise<Page<ExamSummary>> {
  const query = new URLSearchParams({ page: String(page), size: String(size) })
  if (kind) query.set('kind', kind)
  return consoleApi<Page<ExamSummary>>(`${EXAMS}?${query}`)
}

export function getExam(code: string): Promise<ExamConfiguration> {
  return consoleApi<ExamConfiguration>(`${EXAMS}/${encodeURIComponent(code)}`)
}

/** 400 with `violations` at their fields when the configuration breaks a rule. */
export function createExam(draft: ExamDraft): Promise<ExamConfiguration> {
  return consoleApi<ExamConfiguration>(EXAMS, { method: 'POST', body: draft })
}

export function updateExam(code: string, draft: ExamDraft): Promise<ExamConfiguration> {
  return consoleApi<ExamConfiguration>(`${EXAMS}/${encodeURIComponent(code)}`, { method: 'PUT', body: draft })
}

/**
 * Loads a 自考 sitting's courses from a CSV or XLSX file (PUT multipart). A file with bad rows is refused whole:
 * RowErrorsRefusal with each row's error.
 */
export async function uploadCoursePlan(code: string, file: File): Promise<CoursePlanLoaded> {
  const form = new FormData()
  form.append('file', file, file.name)
  let response: Response
  try {
    response = await fetch(bureauPath(`${EXAMS}/${encodeURIComponent(code)}/course-plan`), {
      method: 'PUT', body: form,
      headers: { Authorization: `Bearer ${await accessToken()}`, Accept: 'application/json, application/problem+json' },
    })
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
  }
  const text = await response.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (response.ok) return json as CoursePlanLoaded
  const refusal = refusalOf(response.status, json)
  if (Array.isArray(json?.errors)) {
    throw new RowErrorsRefusal(refusal.status, refusal.code, refusal.message, json.errors as RowError[])
  }
  throw refusal
}
