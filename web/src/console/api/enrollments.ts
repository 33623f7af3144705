// 报名信息 (OPS-3): enrollment-service's list of an exam's enrollments (专升本) or course orders (自考), filtered and
// paged, masked; the exams with their filter choices within the operator's scope.
import { consoleApi } from './http'

export interface Choice { code: string; name: string }

export interface ListExam {
  code: string
  name: string
  kind: 'UNIFIED_UPGRADE' | 'SELF_STUDY'
  kindName: string
  locations: Choice[]
  universities: Choice[]
  statuses: Choice[]
}

export interface ListCourse { universityCode: string; universityName: string | null; courseCode: string;
  courseName: string | null; feeFen: number }

export interface EnrollmentRow {
  id: string
  candidateId: string
  maskedName: string | null
  maskedIdNumber: string | null
  maskedPhone: string | null
  admissionNumber: string | null
  location: Choice | null
  universities: { code: string; name: string | null }[]
  courses: ListCourse[]
  track: string | null
  subjectGroupCode: string | null
  status: string
  statusName: string
  feeFen: number
  confirmedAt: string | null
  paidAt: string | null
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface EnrollmentFilter {
  exam: string
  city?: string
  location?: string
  university?: string
  status?: string
  page: number
  size: number
}

export function listExams(): Promise<ListExam[]> {
  return consoleApi<ListExam[]>('/api/enrollments/operations/enrollments/exams')
}

export function listEnrollments(filter: EnrollmentFilter): Promise<Page<EnrollmentRow>> {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value))
  }
  return consoleApi<Page<EnrollmentRow>>(`/api/enrollments/operations/enrollments?${query}`)
}
