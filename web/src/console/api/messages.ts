// 消息 desks (OPS-3): the bureau's SMS and mail templates (notification-service) and every service's dead letters.
import { consoleApi } from './http'

export type TemplateKind = 'sms' | 'mail'

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface Placeholder { name: string; label: string; required: boolean; sample: string }

/** source: VERSION = saved on this desk, BUREAU_CONFIG = the bureau's configuration, PLATFORM = the platform's text */
export interface MessageTemplate {
  kind: 'SMS' | 'MAIL'
  code: string
  title: string
  subject: string | null
  content: string
  source: 'VERSION' | 'BUREAU_CONFIG' | 'PLATFORM'
  version: number
  updatedAt: string | null
  updatedBy: string | null
  placeholders: Placeholder[]
}

export interface TemplateVersion {
  version: number
  subject: string | null
  content: string
  note: string | null
  createdBy: string
  createdByName: string
  createdAt: string
  current: boolean
}

export interface TemplateDraft { subject?: string | null; content: string }

/** content as the candidate reads it; for an SMS with the bureau's signature, its length and the SMS it is sent as */
export interface TemplatePreview { subject: string | null; content: string; length: number | null; segments: number | null }

const TEMPLATES = '/api/notifications/operations/templates'

export function listTemplates(kind: TemplateKind): Promise<Page<MessageTemplate>> {
  return consoleApi(`${TEMPLATES}/${kind}?size=100`)
}

export function templateVersions(kind: TemplateKind, code: string, page = 0, size = 20): Promise<Page<TemplateVersion>> {
  return consoleApi(`${TEMPLATES}/${kind}/${encodeURIComponent(code)}/versions?page=${page}&size=${size}`)
}

export function previewTemplate(kind: TemplateKind, code: string, draft: TemplateDraft): Promise<TemplatePreview> {
  return consoleApi(`${TEMPLATES}/${kind}/${encodeURIComponent(code)}/preview`, { method: 'POST', body: draft })
}

/** Saves the draft as the next version; baseVersion is the version the editor started from (0: none). */
export function saveTemplate(kind: TemplateKind, code: string, draft: TemplateDraft, baseVersion: number,
  note: string): Promise<MessageTemplate> {
  return consoleApi(`${TEMPLATES}/${kind}/${encodeURIComponent(code)}/versions`,
    { method: 'POST', body: { ...draft, baseVersion, note } })
}

/** The services whose dead letters the desk shows, each at its own operations path (baokao.messaging.operations-path). */
export const DEAD_LETTER_SERVICES = [
  { key: 'account', name: '账号服务', path: '/api/accounts/operations/dead-letters' },
  { key: 'enrollment', name: '报名服务', path: '/api/enrollments/operations/dead-letters' },
  { key: 'photo', name: '照片服务', path: '/api/photos/operations/dead-letters' },
  { key: 'payment', name: '支付服务', path: '/api/payments/operations/dead-letters' },
  { key: 'notification', name: '通知服务', path: '/api/notifications/operations/dead-letters' },
] as const

export type DeadLetterService = (typeof DEAD_LETTER_SERVICES)[number]
export type DeadLetterStatus = 'open' | 'replayed' | 'all'

/** bureau: the bureau the event names, null for a platform-wide one */
export interface DeadLetter {
  id: string
  service: string
  consumer: string
  topic: string
  eventType: string | null
  eventId: string | null
  bureau: string | null
  error: string
  failedAt: string
  replayedAt: string | null
}

/** One service's newest dead letters (at most 100). */
export function listDeadLetters(service: DeadLetterService, status: DeadLetterStatus): Promise<Page<DeadLetter>> {
  return consoleApi(`${service.path}?status=${status}&size=100`)
}

export function replayDeadLetter(service: DeadLetterService, id: string): Promise<DeadLetter> {
  return consoleApi(`${service.path}/${encodeURIComponent(id)}/replay`, { method: 'POST' })
}
