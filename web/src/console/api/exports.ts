// 数据导出 (OPS-3): enrollment-service writes an exam's 已报名 / 已缴费 list per 考点 or per 主考学校 as a job; the
// page polls its progress and downloads the file. Only the operator who asked sees an export.
import { consoleApi, consoleFile } from './http'
import type { Page } from './enrollments'

export type ListKind = 'ENROLLED' | 'PAID'
export type Grouping = 'BY_LOCATION' | 'BY_UNIVERSITY'
export type ExportFormat = 'XLSX' | 'CSV'

export interface ExportRequest { exam: string; list: ListKind; grouping: Grouping; format: ExportFormat;
  reason: string }

export interface ExportJob {
  id: string
  exam: string
  list: ListKind
  listName: string
  grouping: Grouping
  groupingName: string
  format: ExportFormat
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'
  statusName: string
  rowsTotal: number | null
  rowsDone: number
  percent: number
  fileName: string | null
  failure: string | null
  reason: string
  createdAt: string
  finishedAt: string | null
}

export function createExport(request: ExportRequest): Promise<ExportJob> {
  return consoleApi<ExportJob>('/api/enrollments/operations/exports', { method: 'POST', body: request })
}

export function exportHistory(page: number, size: number): Promise<Page<ExportJob>> {
  return consoleApi<Page<ExportJob>>(`/api/enrollments/operations/exports?page=${page}&size=${size}`)
}

export function exportJob(id: string): Promise<ExportJob> {
  return consoleApi<ExportJob>(`/api/enrollments/operations/exports/${id}`)
}

export function exportFile(id: string): Promise<{ blob: Blob; name: string | null }> {
  return consoleFile(`/api/enrollments/operations/exports/${id}/file`)
}
