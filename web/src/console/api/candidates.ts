// 考生查询 (OPS-3): account-service finds and shows candidates (masked; in clear only after a reveal with a reason),
// unlocks an account and sends the password-reset code; the other services each show their part of a candidate.
import { consoleApi, consoleFile } from './http'
import type { Page } from './audit'

export type { Page }
export type SearchBy = 'ID_NUMBER' | 'PHONE' | 'ADMISSION_NUMBER' | 'NAME'

export interface FoundCandidate {
  candidateId: string
  maskedName: string | null
  idType: string
  idTypeName: string
  maskedIdNumber: string
  maskedPhone: string | null
  examCode: string
  admissionNumber: string | null
  locked: boolean
  createdAt: string
}

export interface CandidateAccount {
  candidateId: string
  bureau: string
  examCode: string
  idType: string
  idTypeName: string
  maskedIdNumber: string
  maskedName: string | null
  maskedPhone: string | null
  maskedEmail: string | null
  admissionNumber: string | null
  mustChangePassword: boolean
  phoneVerified: boolean
  failedLogins: number
  lockedUntil: string | null
  locked: boolean
  createdAt: string
  examCities: string[]
  universities: string[]
}

export interface RevealedCandidate { candidateId: string; name: string | null; idNumber: string; phone: string | null }

export interface SentResetCode { maskedPhone: string; resendAfterSeconds: number; validForSeconds: number }

const ACCOUNTS = '/api/accounts/operations/candidates'

export function searchCandidates(by: SearchBy, q: string, idType: string | undefined, page: number, size: number):
  Promise<Page<FoundCandidate>> {
  const query = new URLSearchParams({ by, q, page: String(page), size: String(size) })
  if (idType) query.set('idType', idType)
  return consoleApi<Page<FoundCandidate>>(`${ACCOUNTS}?${query}`)
}

export function candidateAccount(id: string): Promise<CandidateAccount> {
  return consoleApi<CandidateAccount>(`${ACCOUNTS}/${encodeURIComponent(id)}`)
}

export function revealCandidate(id: string, reason: string): Promise<RevealedCandidate> {
  return consoleApi<RevealedCandidate>(`${ACCOUNTS}/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: { reason } })
}

export function unlockCandidate(id: string, reason: string): Promise<void> {
  return consoleApi<void>(`${ACCOUNTS}/${encodeURIComponent(id)}/unlock`, { method: 'POST', body: { reason } })
}

export function sendPasswordReset(id: string, reason: string): Promise<SentResetCode> {
  return consoleApi<SentResetCode>(`${ACCOUNTS}/${encodeURIComponent(id)}/password-reset-sms`,
    { method: 'POST', body: { reason } })
}

/** One enrollment (Shandong wizard) or one 主考学校 registration (Shanghai 自考), as enrollment-service keeps it. */
export interface CandidateEnrollment {
  enrollmentId: string
  examCode: string
  examName: string | null
  track: string
  status: string
  examLocationCode: string | null
  confirmedAt: string | null
  feeTotalFen: number | null
  completedAt: string | null
  createdAt: string
}

export interface CandidateUniversity {
  universityCode: string
  universityName: string | null
  majorCode: string
  majorName: string | null
  admissionNumber: string | null
  examCode: string
  registeredAt: string
}

export interface CandidateEnrollments { enrollments: CandidateEnrollment[]; universities: CandidateUniversity[] }

export function candidateEnrollments(id: string): Promise<CandidateEnrollments> {
  return consoleApi<CandidateEnrollments>(`/api/enrollments/operations/candidates/${encodeURIComponent(id)}/enrollments`)
}

/** The candidate's photo state and identity result, as photo-service keeps them. */
export interface CandidatePhoto {
  /** the approval of an open-registration candidate (Shanghai); null for a roster bureau's */
  status: string | null
  cause: string | null
  failedComparisons: number
  rejectionReason: string | null
  /** the latest comparison with the public-security photo: PENDING, MATCHED, MISMATCHED, NO_REFERENCE */
  identityStatus: string | null
  identityDecidedAt: string | null
  /** the latest manual review: COLLECTING, OPEN, APPROVED, REJECTED */
  manualReview: string | null
  photoId: string | null
  photoTakenAt: string | null
  updatedAt: string | null
}

export function candidatePhoto(id: string): Promise<CandidatePhoto> {
  return consoleApi<CandidatePhoto>(`/api/photos/operations/candidates/${encodeURIComponent(id)}/photo`)
}

/** The candidate's current photo (JPEG), fetched with the operator's token. */
export async function candidatePhotoImage(id: string): Promise<Blob> {
  return (await consoleFile(`/api/photos/operations/candidates/${encodeURIComponent(id)}/photo/image`)).blob
}

export interface CandidateOrder {
  orderId: string
  kind: string
  examCode: string | null
  examName: string | null
  status: string
  totalFen: number
  channel: string | null
  createdAt: string
  paidAt: string | null
  refundedAt: string | null
}

export function candidateOrders(id: string): Promise<CandidateOrder[]> {
  return consoleApi<CandidateOrder[]>(`/api/payments/operations/candidates/${encodeURIComponent(id)}/orders`)
}

export interface CandidateSms {
  requestId: string
  template: string
  maskedPhone: string
  status: string
  attempts: number
  requestedAt: string
  sentAt: string | null
  failureReason: string | null
}

export function candidateSms(id: string): Promise<CandidateSms[]> {
  return consoleApi<CandidateSms[]>(`/api/notifications/operations/candidates/${encodeURIComponent(id)}/sms`)
}
