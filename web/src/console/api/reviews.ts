// The review desks' calls (OPS-3): photo/proof manual reviews (photo-service, PHO-5, SST-2) and phone-change requests
// (account-service, ACC-8, SST-3) — each a queue with filters and paging, one case, 领取 / 释放, and the decision of
// the claim's holder. Photos and proofs are protected files: fetched with the operator's token, shown as object URLs.
import { consoleApi, consoleFile } from './http'

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

/** Who holds a case now; `mine` when it is the operator asking. */
export interface Claim {
  holder: string
  until: string
  mine: boolean
}

// ---- photo / proof reviews ------------------------------------------------------------------------------------------

export type ReviewStatus = 'COLLECTING' | 'OPEN' | 'APPROVED' | 'REJECTED'
export type ReviewReason = 'NON_RESIDENT_ID' | 'SPECIAL_MAJOR' | 'TOO_MANY_FAILURES' | 'NO_REFERENCE'

export interface PhotoReview {
  id: string
  candidateId: string
  status: ReviewStatus
  statusText: string
  requestedReason: string
  requestedReasonText: string
  bureau: string | null
  universityCode: string | null
  majorCode: string | null
  specialMajor: boolean
  idType: string | null
  requestedAt: string
  decidedAt: string | null
  decidedBy: string | null
  decisionReason: string | null
  claim: Claim | null
}

export interface ReviewProof {
  id: string
  kind: string
  kindText: string
  uploadedAt: string
  /** the API path of the image (a protected file) */
  image: string
}

export interface Comparison {
  attempt: number
  status: 'PENDING' | 'MATCHED' | 'MISMATCHED' | 'NO_REFERENCE'
  label: string
  photoId: string
  checkedAt: string
  decidedAt: string | null
}

export interface PhotoReviewCase {
  review: PhotoReview
  /** the API path of the photo the review looks at; null before the candidate submitted one */
  photo: string | null
  proofs: ReviewProof[]
  comparisons: Comparison[]
  failedComparisons: number
}

export interface PhotoReviewFilter {
  /** OPEN (待审核), DECIDED (已处理), APPROVED, REJECTED, COLLECTING; empty: all */
  status?: string
  reason?: string
  specialMajor?: boolean
  university?: string
  /** yyyy-MM-dd, Beijing days the review was opened, both included */
  from?: string
  to?: string
  page: number
  size: number
}

const PHOTO_REVIEWS = '/api/photos/operations/manual-reviews'

function query(filter: object): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  return params.toString()
}

export function photoReviews(filter: PhotoReviewFilter): Promise<Page<PhotoReview>> {
  return consoleApi<Page<PhotoReview>>(`${PHOTO_REVIEWS}?${query(filter)}`)
}

export function photoReview(id: string): Promise<PhotoReviewCase> {
  return consoleApi<PhotoReviewCase>(`${PHOTO_REVIEWS}/${id}`)
}

export function claimPhotoReview(id: string): Promise<PhotoReviewCase> {
  return consoleApi<PhotoReviewCase>(`${PHOTO_REVIEWS}/${id}/claim`, { method: 'POST' })
}

export function releasePhotoReview(id: string): Promise<PhotoReviewCase> {
  return consoleApi<PhotoReviewCase>(`${PHOTO_REVIEWS}/${id}/claim`, { method: 'DELETE' })
}

export function decidePhotoReview(id: string, approved: boolean, reason: string | null): Promise<PhotoReviewCase> {
  return consoleApi<PhotoReviewCase>(`${PHOTO_REVIEWS}/${id}/decision`, { body: { approved, reason } })
}

// ---- phone-change requests ------------------------------------------------------------------------------------------

export type PhoneChangeProof = 'ID_CARD_FRONT' | 'ID_CARD_BACK' | 'HOLDING_ID'

export interface PhoneChange {
  requestId: string
  candidateId: string
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'
  statusText: string
  maskedName: string
  maskedIdNumber: string
  maskedCurrentPhone: string | null
  maskedNewPhone: string
  reason: string | null
  decidedBy: string | null
  createdAt: string
  decidedAt: string | null
  /** the API path of each proof image (protected files; each view is audited) */
  proofs: Record<PhoneChangeProof, string>
  claim: Claim | null
}

export interface PhoneChangeFilter {
  /** PENDING (待审核), DECIDED (已处理), APPROVED, REJECTED, WITHDRAWN; empty: all */
  status?: string
  from?: string
  to?: string
  page: number
  size: number
}

const PHONE_CHANGES = '/api/accounts/operations/phone-change-requests'

export function phoneChanges(filter: PhoneChangeFilter): Promise<Page<PhoneChange>> {
  return consoleApi<Page<PhoneChange>>(`${PHONE_CHANGES}?${query(filter)}`)
}

export function phoneChange(id: string): Promise<PhoneChange> {
  return consoleApi<PhoneChange>(`${PHONE_CHANGES}/${id}`)
}

export function claimPhoneChange(id: string): Promise<PhoneChange> {
  return consoleApi<PhoneChange>(`${PHONE_CHANGES}/${id}/claim`, { method: 'POST' })
}

export function releasePhoneChange(id: string): Promise<PhoneChange> {
  return consoleApi<PhoneChange>(`${PHONE_CHANGES}/${id}/claim`, { method: 'DELETE' })
}

export function approvePhoneChange(id: string): Promise<PhoneChange> {
  return consoleApi<PhoneChange>(`${PHONE_CHANGES}/${id}/approve`, { method: 'POST' })
}

export function rejectPhoneChange(id: string, reason: string): Promise<PhoneChange> {
  return consoleApi<PhoneChange>(`${PHONE_CHANGES}/${id}/reject`, { body: { reason } })
}

// ---- images and names -----------------------------------------------------------------------------------------------

/**
 * A protected image (a photo, a proof) as an object URL for an <img>; the caller revokes it when the case closes.
 * `path` is one the case answered (photo, proofs[].image, proofs[kind]), never built here.
 */
export async function protectedImage(path: string): Promise<string> {
  const { blob } = await consoleFile(path)
  return URL.createObjectURL(blob)
}

export interface UniversityName {
  code: string
  name: string
  majors: { code: string; name: string; special?: boolean }[]
}

/** The bureau's 主考学校 and majors by name (its registration form; empty for a roster bureau). */
export async function universityNames(): Promise<UniversityName[]> {
  const form = await consoleApi<{ universities?: UniversityName[] }>('/api/accounts/public/registration-form')
  return form.universities ?? []
}

/** The ID document types by name (居民身份证, 护照, …). */
export function idTypeNames(): Promise<{ code: string; name: string }[]> {
  return consoleApi<{ code: string; name: string }[]>('/api/accounts/public/id-types')
}
