// 数据导入 (OPS-3): the bureau's imports as account-service's operator API runs them (docs/ROSTER.md, docs/SHANGHAI.md):
// 考生名单 (a roster, for one exam) and 在籍考生 (the bureau's existing candidates). An upload is checked as a whole,
// then processed as a job whose progress the page polls; refused rows read as JSON or download as CSV.
import { consoleApi, consoleFile, consoleUpload } from './http'

const IMPORTS = '/api/accounts/operations/imports'
const ROSTERS = '/api/accounts/operations/rosters'
const EXISTING = '/api/accounts/operations/existing-candidates/imports'

export type ImportKind = 'ROSTER' | 'EXISTING'

export const IMPORT_KINDS: { value: ImportKind; label: string }[] = [
  { value: 'ROSTER', label: '考生名单' },
  { value: 'EXISTING', label: '在籍考生' },
]

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'

export const IMPORT_STATUS_NAMES: Record<ImportStatus, string> = {
  QUEUED: '排队中', RUNNING: '导入中', DONE: '已完成', FAILED: '失败',
}

/** Where an import stands; `scope` is the exam (a roster) or the bureau (在籍考生). */
export interface ImportJob {
  importId: string
  kind: ImportKind
  bureau: string
  scope: string
  fileName: string
  format: string
  status: ImportStatus
  total: number
  processed: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  percent: number
  failureReason: string | null
  operator: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export interface ImportHistory { items: ImportJob[]; total: number; page: number; size: number }

export interface ImportRowError { line: number; field: string | null; code: string; reason: string }

export interface ImportErrorPage {
  importId: string
  page: number
  size: number
  total: number
  totalPages: number
  items: ImportRowError[]
}

/** The bureau's imports, newest first; `kind` narrows to one kind. */
export function importHistory(page = 0, size = 10, kind?: ImportKind): Promise<ImportHistory> {
  const query = new URLSearchParams({ page: String(page), size: String(size) })
  if (kind) query.set('kind', kind)
  return consoleApi<ImportHistory>(`${IMPORTS}?${query}`)
}

export function importJob(importId: string): Promise<ImportJob> {
  return consoleApi<ImportJob>(`${IMPORTS}/${importId}`)
}

export function importErrors(importId: string, page = 0, size = 20): Promise<ImportErrorPage> {
  return consoleApi<ImportErrorPage>(`${IMPORTS}/${importId}/errors?page=${page}&size=${size}`)
}

/** Every refused row as a CSV file (UTF-8 with BOM: Excel opens it right). */
export function importErrorReport(importId: string): Promise<{ blob: Blob; name: string | null }> {
  return consoleFile(`${IMPORTS}/${importId}/errors.csv`)
}

/** Uploads a roster file for exam `examCode`; `onProgress` hears the upload's percent. 202 with the queued job. */
export function uploadRoster(examCode: string, file: File, onProgress: (percent: number) => void): Promise<ImportJob> {
  const form = new FormData()
  form.append('file', file, file.name)
  return consoleUpload<ImportJob>(`${ROSTERS}/${encodeURIComponent(examCode)}/imports`, form, onProgress)
}

/** Uploads a 在籍考生 file into the operator's bureau. */
export function uploadExisting(file: File, onProgress: (percent: number) => void): Promise<ImportJob> {
  const form = new FormData()
  form.append('file', file, file.name)
  return consoleUpload<ImportJob>(EXISTING, form, onProgress)
}
