// payment-service as the payment step calls it (docs/PAYMENT.md): the enrollment's fee order, paying at the bank
// (one Idempotency-Key per order, so a double click opens one bank order), asking the bank for the state, a new
// order after one expired, the receipt. Each path is written out in full, once.
import { api, blob } from './http'

export interface OrderItem { code: string; name: string; amountFen: number }

export interface Order {
  id: string; enrollmentId: string; examName: string; items: OrderItem[]
  amountFen: number; amountYuan: string; status: string; statusName: string; channel: string; channelName: string
  payUrl: string | null; qrCode: string | null; receiptAvailable: boolean
  paymentWindow: { description: string; openNow: boolean } | null
}

/** The enrollment's orders, newest first. */
export function ordersOf(enrollmentId: string): Promise<Order[]> {
  return api<Order[]>(`/api/payments/orders?enrollmentId=${enrollmentId}`)
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

/** 电子票据 (PDF) of a paid order. */
export function receipt(orderId: string): Promise<Blob> {
  return blob(`/api/payments/orders/${orderId}/receipt`)
}
