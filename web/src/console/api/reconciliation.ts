// The Reconciliation desk's calls (对账, payment-service, OPS-3): run a channel's statement of a day from the bank,
// upload a statement file, past runs, discrepancies, resolve one with a note.
import { consoleApi, consoleUpload } from './http'
import type { Page } from './orders'

export { bureauChannels } from './orders'

export interface ReconciliationResult {
  importId: string
  channel: string
  date: string
  lines: number
  discrepancies: number
  settledFromStatement: number
}

export interface StatementRun {
  id: string
  channel: string
  channelName: string
  statementDate: string
  source: string
  sourceName: string
  lines: number
  discrepancies: number
  importedAt: string
  operatorName: string | null
}

export interface Discrepancy {
  id: string
  channel: string
  channelName: string
  kind: string
  kindName: string
  orderId: string | null
  bankTradeNo: string | null
  bankAmountFen: number
  bankAmountYuan: string
  orderAmountFen: number | null
  orderAmountYuan: string | null
  statementDate: string
  status: 'OPEN' | 'RESOLVED'
  statusName: string
  foundAt: string
  resolution: string | null
  resolvedBy: string | null
  resolvedByName: string | null
  resolvedAt: string | null
}

const RUNS = '/api/payments/operations/reconciliations'
const DISCREPANCIES = '/api/payments/operations/discrepancies'

export function runReconciliation(channel: string, date: string): Promise<ReconciliationResult> {
  return consoleApi<ReconciliationResult>(`${RUNS}/${channel}/${date}`, { method: 'POST' })
}

export function uploadStatement(channel: string, date: string, file: File,
  onProgress: (percent: number) => void): Promise<ReconciliationResult> {
  const form = new FormData()
  form.append('file', file)
  return consoleUpload<ReconciliationResult>(`${RUNS}/${channel}/${date}/statement`, form, onProgress)
}

export function listRuns(page: number, size: number): Promise<Page<StatementRun>> {
  return consoleApi<Page<StatementRun>>(`${RUNS}?page=${page}&size=${size}`)
}

export function listDiscrepancies(status: string, channel: string, page: number, size: number):
  Promise<Page<Discrepancy>> {
  const search = new URLSearchParams({ status, page: String(page), size: String(size) })
  if (channel) search.set('channel', channel)
  return consoleApi<Page<Discrepancy>>(`${DISCREPANCIES}?${search}`)
}

export function resolveDiscrepancy(id: string, resolution: string): Promise<Discrepancy> {
  return consoleApi<Discrepancy>(`${DISCREPANCIES}/${encodeURIComponent(id)}/resolve`,
    { method: 'POST', body: { resolution } })
}
