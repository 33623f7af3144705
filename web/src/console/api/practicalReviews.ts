// 实践课审核 (OPS-3, SST-5): enrollment-service's queue of practical courses waiting for their 主考学校, and the decision.
import { consoleApi } from './http'

export type PracticalReviewState = 'AWAITING_REVIEW' | 'APPROVED' | 'REJECTED'

export interface PracticalReview {
  candidateId: string; admissionNumber: string | null; universityCode: string; universityName: string
  courseCode: string; courseName: string; categoryName: string | null; state: PracticalReviewState
  stateName: string; registeredAt: string; reason: string | null; reviewer: string | null; decidedAt: string | null
}

export interface PracticalReviewQueue {
  examCode: string; examName: string; items: PracticalReview[]; total: number; page: number; size: number
}

export function practicalReviews(filter: { state?: string; university?: string; page: number; size: number }):
  Promise<PracticalReviewQueue> {
  const query = new URLSearchParams({ page: String(filter.page), size: String(filter.size) })
  if (filter.state) query.set('state', filter.state)
  if (filter.university) query.set('university', filter.university)
  return consoleApi<PracticalReviewQueue>(`/api/enrollments/operations/practical-reviews?${query}`)
}

export function decidePracticalReview(review: PracticalReview, approve: boolean, reason: string):
  Promise<PracticalReview> {
  return consoleApi<PracticalReview>(`/api/enrollments/operations/practical-reviews/${review.candidateId}/${
    review.universityCode}/${review.courseCode}/decision`, { body: { approve, reason } })
}
