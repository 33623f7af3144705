// 接口文档 (API-1): the OpenAPI 3.1 document each service generates from its code (springdoc), served to operators under
// the service's operations path; the enrollment service also serves the partners' own document (public elsewhere).
import { consoleApi } from './http'

export interface ApiDocument {
  key: string
  name: string
  path: string
}

export const API_DOCUMENTS: readonly ApiDocument[] = [
  { key: 'account', name: '账号服务', path: '/api/accounts/operations/api-docs' },
  { key: 'enrollment', name: '报名服务', path: '/api/enrollments/operations/api-docs' },
  { key: 'photo', name: '照片服务', path: '/api/photos/operations/api-docs' },
  { key: 'payment', name: '支付服务', path: '/api/payments/operations/api-docs' },
  { key: 'notification', name: '通知服务', path: '/api/notifications/operations/api-docs' },
  { key: 'partner-v1', name: '合作考试院接口 v1', path: '/api/enrollments/operations/api-docs/partner-v1' },
]

/** A service's OpenAPI document, as JSON. */
export function apiDocument(document: ApiDocument): Promise<object> {
  return consoleApi<object>(document.path)
}
