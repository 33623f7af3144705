// payment-service as the payment pages call it (docs/PAYMENT.md): the fee order of an enrollment or of a Shanghai
// course order (its id in the enrollmentId role), paying at the bank (one Idempotency-Key per order, so a double click
// opens one bank order), the public payment platform's QR code, asking the bank for the state, a new order after one
// expired, the receipt. Each path is written out in full, once.
import { api, blob } from './http'

export interface OrderItem { code: string; name: string; amountFen: number }

export interface Order {
  id: string; enrollmentId: string; examName: string; items: OrderItem[]
  amountFen: number; amountYuan: string; status: string; statusName: string; channel: string; channelName: string
  createdAt: string | null
  /** the end of the 30 minutes a bank order is valid, from 去缴费 on; null before */
  expiresAt: string | null; paidAt: string | null
  payUrl: string | null; qrCode: string | null; receiptAvailable: boolean
  paymentWindow: { description: string; openNow: boolean } | null
}

/** The enrollment's orders, newest first. */
export function ordersOf(enrollmentId: string): Promise<Order[]> {
  return api<Order[]>(`/api/payments/orders?enrollmentId=${enrollmentId}`)
}

/** One order, as it stands here (no question to the bank). */
export function paymentOrder(orderId: string): Promise<Order> {
  return api<Order>(`/api/payments/orders/${orderId}`)
}

/**
 * The Idempotency-Key of 缴费 for an order: one per order in this tab (sessionStorage), so a double click, a reload or
 * a retry after a lost answer opens one bank order.
 */
export function payKey(orderId: string): string {
  const name = `baokao.pay.${orderId}`
  let key = sessionStorage.getItem(name)
  if (!key) {
    key = typeof crypto.randomUUID === 'function' ? crypto.randomUUID()
      : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (ch) =>
        (Number(ch) ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (Number(ch) / 4)))).toString(16))
    sessionStorage.setItem(name, key)
  }
  return key
}

/** 缴费: the answer's payUrl is the bank's page. */
export function pay(orderId: string, idempotencyKey: string): Promise<Order> {
  return api<Order>(`/api/payments/orders/${orderId}/pay`, {
    method: 'POST', headers: { 'Idempotency-Key': idempotencyKey },
  })
}

/** 刷新订单状态: asks the bank. */
export function refreshOrder(orderId: string): Promise<Order> {
  return api<Order>(`/api/payments/orders/${orderId}/refresh`, { method: 'POST' })
}

/** A new order for an enrollment whose order expired or was closed. */
export function newOrder(enrollmentId: string): Promise<Order> {
  return api<Order>(`/api/payments/enrollments/${enrollmentId}/orders`, { method: 'POST' })
}

/** The pending order's QR code (PNG) of the public payment platform; 409 QR_NOT_AVAILABLE otherwise. */
export function qrImage(orderId: string): Promise<Blob> {
  return blob(`/api/payments/orders/${orderId}/qr.png`)
}

/** 电子票据 (PDF) of a paid order. */
export function receipt(orderId: string): Promise<Blob> {
  return blob(`/api/payments/orders/${orderId}/receipt`)
}
