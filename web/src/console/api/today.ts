// 今日概况 (OPS-3): each service answers its own figures. enrollment-service names the bureau's open exams (and its
// figures of them); the console then asks account-, photo- and payment-service for their figures of those exams.
// Figures a service holds for the whole bureau rather than per exam come in `bureau`. A service that cannot narrow a
// figure to the operator's scope leaves it out.
import { consoleApi } from './http'

export type Figures = Record<string, number>

export interface ExamFigures { exam: string; figures: Figures }

export interface OpenExam extends ExamFigures {
  name: string
  kind: 'UNIFIED_UPGRADE' | 'SELF_STUDY'
  kindName: string
  registrationOpensAt: string
  registrationClosesAt: string
  paymentOpensAt: string
  paymentClosesAt: string
  registrationOpen: boolean
  paymentOpen: boolean
}

export interface EnrollmentToday { at: string; exams: OpenExam[]; bureau: Figures }

export interface ServiceToday { exams: ExamFigures[]; bureau: Figures }

function examQuery(exams: string[]): string {
  return exams.map((code) => `exam=${encodeURIComponent(code)}`).join('&')
}

export function enrollmentToday(): Promise<EnrollmentToday> {
  return consoleApi<EnrollmentToday>('/api/enrollments/operations/today')
}

export function accountToday(exams: string[]): Promise<ServiceToday> {
  return consoleApi<ServiceToday>(`/api/accounts/operations/today?${examQuery(exams)}`)
}

export function photoToday(): Promise<ServiceToday> {
  return consoleApi<ServiceToday>('/api/photos/operations/today')
}

export function paymentToday(exams: string[]): Promise<ServiceToday> {
  return consoleApi<ServiceToday>(`/api/payments/operations/today?${examQuery(exams)}`)
}
