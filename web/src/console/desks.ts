// The console's desks (OPS-3) and who works at each: the menu shows an operator their own, and a page of someone
// else's desk says so instead of showing it. The services refuse the calls anyway (403, or 404 out of scope): this
// list is for the operator's convenience, not the platform's protection.
import type { OperatorRole } from './auth'

export interface Desk {
  path: string
  title: string
  roles: OperatorRole[]
  /** the menu's group */
  group: '概况' | '考务' | '审核' | '考生' | '财务' | '消息' | '审计' | '系统'
}

const EVERYONE: OperatorRole[] = ['bureau-admin', 'city-operator', 'university-reviewer', 'finance', 'auditor']

export const DESKS: Desk[] = [
  { path: '/', title: '今日概况', roles: EVERYONE, group: '概况' },
  { path: '/exams', title: '考试管理', roles: ['bureau-admin', 'auditor'], group: '考务' },
  { path: '/imports', title: '数据导入', roles: ['bureau-admin'], group: '考务' },
  { path: '/reviews/photos', title: '照片与证明材料审核', roles: ['bureau-admin', 'university-reviewer', 'auditor'],
    group: '审核' },
  { path: '/reviews/phone-changes', title: '手机号变更审核', roles: ['bureau-admin', 'university-reviewer', 'auditor'],
    group: '审核' },
  { path: '/reviews/practical', title: '实践课审核', roles: ['bureau-admin', 'university-reviewer', 'auditor'],
    group: '审核' },
  { path: '/candidates', title: '考生查询', roles: ['bureau-admin', 'city-operator', 'university-reviewer', 'auditor'],
    group: '考生' },
  { path: '/enrollments', title: '报名信息', roles: EVERYONE, group: '考生' },
  { path: '/exports', title: '数据导出', roles: ['bureau-admin', 'city-operator', 'university-reviewer', 'finance'],
    group: '考生' },
  { path: '/orders', title: '订单管理', roles: ['bureau-admin', 'finance', 'auditor'], group: '财务' },
  { path: '/reconciliation', title: '对账', roles: ['bureau-admin', 'finance', 'auditor'], group: '财务' },
  { path: '/messages/templates', title: '消息模板', roles: ['bureau-admin', 'auditor'], group: '消息' },
  { path: '/messages/dead-letters', title: '失败消息', roles: ['bureau-admin', 'auditor'], group: '消息' },
  { path: '/webhooks', title: 'Webhook 投递', roles: ['bureau-admin', 'auditor'], group: '消息' },
  { path: '/audit', title: '审计日志', roles: ['bureau-admin', 'auditor'], group: '审计' },
  // API-1: every service's OpenAPI document, as the services generate it
  { path: '/api-docs', title: '接口文档', roles: ['bureau-admin', 'auditor'], group: '系统' },
]

/** The desk a console address belongs to (a detail page belongs to its list's desk). */
export function deskOf(path: string): Desk | undefined {
  return DESKS.filter((desk) => desk.path === '/' ? path === '/' : path === desk.path || path.startsWith(`${desk.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]
}
