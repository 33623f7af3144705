// The Orders desk's calls (订单管理, payment-service, OPS-3): the bureau's orders, one order with its bank history,
// 重新查询银行, 退款 with a reason. Money in fen (amountYuan beside it), times as instants (UTC).
import { consoleApi } from './http'

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface ChannelOption { code: string; name: string }
export interface ExamOption { code: string; name: string | null }

export interface OrderRow {
  id: string
  orderNo: string
  bureau: string
  kind: string
  kindName: string
  examCode: string
  examName: string | null
  enrollmentId: string
  candidateId: string
  amountFen: number
  amountYuan: string
  status: string
  statusName: string
  channel: string
  channelName: string
  createdAt: string
  paidAt: string | null
  bankTradeNo: string | null
}

export interface FeeItem { code: string; name: string; amountFen: number }

export interface RefundRow {
  id: string
  bankTradeNo: string
  amountFen: number
  amountYuan: string
  reason: string
  reasonName: string
  status: string
  statusName: string
  createdAt: string
  refundedAt: string | null
  requestedByName: string | null
  note: string | null
  attempts: number
  lastError: string | null
}

export interface HistoryEntry { at: string; kind: string; title: string; detail: string; by: string | null }

export interface OrderDetail {
  order: OrderRow
  items: FeeItem[]
  paymentWindow: string
  sentToBankAt: string | null
  expiresAt: string | null
  lapsesAt: string | null
  endedAt: string | null
  refunds: RefundRow[]
  history: HistoryEntry[]
  canRequery: boolean
  canRefund: boolean
}

export interface OrderQuery {
  exam?: string
  status?: string
  channel?: string
  createdFrom?: string
  createdTo?: string
  orderNo?: string
  page: number
  size: number
}

const ORDERS = '/api/payments/operations/orders'

function query(params: object): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export function listOrders(filter: OrderQuery): Promise<Page<OrderRow>> {
  return consoleApi<Page<OrderRow>>(`${ORDERS}${query(filter)}`)
}

export function orderExams(): Promise<ExamOption[]> {
  return consoleApi<ExamOption[]>(`${ORDERS}/exams`)
}

export function bureauChannels(): Promise<ChannelOption[]> {
  return consoleApi<ChannelOption[]>('/api/payments/operations/channels')
}

export function orderDetail(id: string): Promise<OrderDetail> {
  return consoleApi<OrderDetail>(`${ORDERS}/${encodeURIComponent(id)}`)
}

export function requeryOrder(id: string): Promise<OrderDetail> {
  return consoleApi<OrderDetail>(`${ORDERS}/${encodeURIComponent(id)}/requery`, { method: 'POST' })
}

export function refundOrder(id: string, reason: string): Promise<OrderDetail> {
  return consoleApi<OrderDetail>(`${ORDERS}/${encodeURIComponent(id)}/refund`, { method: 'POST', body: { reason } })
}

/** The order statuses as the list's filter offers them. */
export const ORDER_STATUSES: { code: string; name: string }[] = [
  { code: 'CREATED', name: '待缴费' },
  { code: 'PENDING', name: '支付中' },
  { code: 'PAID', name: '已缴费' },
  { code: 'EXPIRED', name: '已过期' },
  { code: 'CLOSED', name: '已关闭' },
  { code: 'REFUNDED', name: '已退款' },
]
