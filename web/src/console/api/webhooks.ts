// Webhook 投递 (API-2, OPS-3): enrollment-service's deliveries of the bureau's events to its partner bureaus'
// endpoints; administrators redeliver one (audited), auditors read.
import { consoleApi } from './http'

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD'

export const DELIVERY_STATUSES: { code: DeliveryStatus; name: string }[] = [
  { code: 'PENDING', name: '待投递' },
  { code: 'DELIVERED', name: '已送达' },
  { code: 'DEAD', name: '已停止重试' },
]

/** The event types partners subscribe to, by the names they see. */
export const EVENT_TYPES: Record<string, string> = {
  'enrollment.confirmed': '报名已确认',
  'enrollment.completed': '报名已完成',
  'payment.succeeded': '缴费成功',
  'payment.refunded': '已退费',
}

export interface DeliveryAttempt {
  at: string
  /** the endpoint's HTTP status; null when none came (refused, closed, timed out) */
  statusCode: number | null
  error: string | null
  durationMs: number
  succeeded: boolean
}

export interface WebhookDelivery {
  id: string
  subscriptionId: string
  partner: string
  partnerName: string
  url: string
  eventId: string
  eventType: string
  status: DeliveryStatus
  attemptCount: number
  createdAt: string
  lastAttemptAt: string | null
  lastStatusCode: number | null
  lastError: string | null
  /** only while PENDING */
  nextAttemptAt: string | null
  deliveredAt: string | null
  deadAt: string | null
  redeliveredAt: string | null
  attempts: DeliveryAttempt[]
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface WebhookPartner { clientId: string; name: string }

const DESK = '/api/enrollments/operations/webhooks'

export function listDeliveries(filter: { status?: DeliveryStatus | ''; partner?: string; page: number; size: number }):
  Promise<Page<WebhookDelivery>> {
  const query = new URLSearchParams({ page: String(filter.page), size: String(filter.size) })
  if (filter.status) query.set('status', filter.status.toLowerCase())
  if (filter.partner) query.set('partner', filter.partner)
  return consoleApi(`${DESK}/deliveries?${query}`)
}

export function webhookPartners(): Promise<WebhookPartner[]> {
  return consoleApi(`${DESK}/partners`)
}

/** Queues the delivery again (DELIVERED or DEAD ones); the reason, if typed, goes into the audit trail. */
export function redeliver(id: string, reason: string): Promise<WebhookDelivery> {
  return consoleApi(`${DESK}/deliveries/${encodeURIComponent(id)}/redeliver`, { method: 'POST', body: { reason } })
}
