// 审计日志 (OPS-3): the bureau's audit trail, kept by account-service from every service's OperatorActed events.
import { consoleApi } from './http'

export interface AuditAction {
  actionId: string
  operatorUsername: string
  operatorName: string
  operatorRoles: string[]
  service: string
  action: string
  subjectType: string | null
  subjectId: string | null
  subjectLabel: string | null
  reason: string | null
  details: Record<string, string>
  actedAt: string
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface AuditFilter {
  operatorUsername?: string
  action?: string
  subjectType?: string
  subjectId?: string
  /** yyyy-MM-dd, Beijing dates, both included */
  from?: string
  to?: string
  page: number
  size: number
}

export function searchAudit(filter: AuditFilter): Promise<Page<AuditAction>> {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') query.set(key, String(value).trim())
  }
  return consoleApi<Page<AuditAction>>(`/api/accounts/operations/audit?${query}`)
}
