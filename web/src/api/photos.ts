// photo-service as the pages call it (docs/PHOTO.md): the photo requirements, the capture session the computer
// opens and long-polls, the phone's single-use link (no login: the link is the key), submitting a photo and the
// identity comparison. Each path is written out in full, once.
import { api, blob } from './http'

export interface Requirements {
  notes: string[]
  formats?: string[]
  minBytes?: number
  maxBytes?: number
  minWidth?: number
  minHeight?: number
  aspectRatio?: string
}

/** A photo of the candidate's: UPLOADED (quality check passed, not yet submitted) or SUBMITTED. */
export interface PhotoView { id: string; status: string; uploadedAt: string; submittedAt: string | null; imagePath: string }

/** A capture session: the QR code (PNG data URL) of the phone's link, valid until expiresAt. */
export interface CaptureSession { sessionId: string; captureUrl: string; qrPng: string; expiresAt: string }

/** WAITING until the phone uploaded (UPLOADED, with the photo), or EXPIRED / CLOSED. */
export interface CaptureSessionView { sessionId: string; status: string; photoId: string | null; imagePath: string | null }

/** The identity comparison of the submitted photo (PHO-3, PHO-4). */
export interface IdentityCheck {
  status: string; label: string; photoId: string; failedAttempts: number; manualReview: string | null
}

/** The phone's link as the phone sees it; `message` is the hint to show above the camera. */
export interface CaptureLink { status: string; message?: string }

/** The phone's single-use link: checked (GET), then the photo uploaded to it (POST). */
function capturePath(token: string): string {
  return `/api/photos/public/capture/${encodeURIComponent(token)}`
}

export function requirements(): Promise<Requirements> {
  return api<Requirements>('/api/photos/public/requirements', { auth: false })
}

/** IDENTITY_CHECK_NOT_FOUND until a photo was submitted. */
export function identityCheck(): Promise<IdentityCheck> {
  return api<IdentityCheck>('/api/photos/identity-check')
}

/** The candidate's own photo (uploaded or accepted), for showing as an object URL. */
export function photoImage(photoId: string): Promise<Blob> {
  return blob(`/api/photos/${photoId}/image`)
}

/** 上传照片 from this computer (PHO-2): the quality check runs at once; a refused photo answers its reason. */
export function uploadPhoto(photo: File): Promise<PhotoView> {
  const body = new FormData()
  body.append('photo', photo, photo.name || 'photo.jpg')
  return api<PhotoView>('/api/photos', { method: 'POST', body })
}

export function openCaptureSession(): Promise<CaptureSession> {
  return api<CaptureSession>('/api/photos/capture-sessions', { method: 'POST' })
}

/** Long poll: answers when the phone uploaded or the session closed, else after at most `waitMs`. */
export function waitForCapture(sessionId: string, waitMs = 8000): Promise<CaptureSessionView> {
  return api<CaptureSessionView>(`/api/photos/capture-sessions/${sessionId}?waitMs=${waitMs}`)
}

/** 确认: the photo goes to the identity comparison and, once it passes, to the enrollment. */
export function submitPhoto(photoId: string): Promise<void> {
  return api<void>(`/api/photos/${photoId}/submit`, { method: 'POST' })
}

export function captureLink(token: string): Promise<CaptureLink> {
  return api<CaptureLink>(capturePath(token), { auth: false })
}

/** The phone's upload; a photo the quality check refuses does not spend the link. */
export function uploadCapture(token: string, photo: File): Promise<void> {
  const body = new FormData()
  body.append('photo', photo, photo.name || 'photo.jpg')
  return api<void>(capturePath(token), { method: 'POST', body, auth: false })
}

/** Where a new candidate's approval stands (Shanghai 新考生, SST-2, ENR-10, PHO-5); only APPROVED may pay. */
export type ApprovalStatus = 'PHOTO_REQUIRED' | 'CHECKING' | 'APPROVED' | 'PROOFS_REQUIRED' | 'IN_REVIEW' | 'REJECTED'

/** A proof image of the manual review. */
export type ProofKind = 'ID_CARD_FRONT' | 'ID_CARD_BACK' | 'HOLDING_ID' | 'EDUCATION_PROOF' | 'EMPLOYER_PROOF'

/**
 * `label` is the Chinese state (人工审核中, 审核通过, 审核未通过, …); `reason` the rejection's reason or why proofs are
 * needed; `requiredProofs` what a submission needs; `photoId` the submitted photo the reviewer sees (null before one).
 */
export interface Approval {
  status: ApprovalStatus; label: string; reason: string | null; failedComparisons: number
  requiredProofs: ProofKind[]; photoId: string | null; universityCode: string | null; mayPay: boolean
}

export interface ReviewProof { id: string; kind: ProofKind; uploadedAt: string }

/** The candidate's latest review: COLLECTING (being gathered), OPEN (submitted), APPROVED or REJECTED. */
export interface ManualReview {
  id: string; status: 'COLLECTING' | 'OPEN' | 'APPROVED' | 'REJECTED'; statusText: string
  decisionReason: string | null; requestedAt: string; decidedAt: string | null; proofs: ReviewProof[]
}

/** APPROVAL_NOT_FOUND for a roster bureau's candidate, and for a moment after a new registration. */
export function approval(): Promise<Approval> {
  return api<Approval>('/api/photos/approval')
}

/** MANUAL_REVIEW_NOT_FOUND before the first proof. */
export function myReview(): Promise<ManualReview> {
  return api<ManualReview>('/api/photos/manual-reviews/mine')
}

/** One proof image; a second of the same kind replaces the first while the review is being gathered. */
export function uploadProof(kind: ProofKind, file: File): Promise<ReviewProof> {
  const body = new FormData()
  body.append('proof', file, file.name || `${kind}.jpg`)
  return api<ReviewProof>(`/api/photos/manual-reviews/proofs?kind=${kind}`, { method: 'POST', body })
}

/** One of the candidate's own proof images, for its preview. */
export function proofImage(proofId: string): Promise<Blob> {
  return blob(`/api/photos/manual-reviews/mine/proofs/${proofId}/image`)
}

/** 提交审核: PROOFS_MISSING names the proofs still missing in Chinese. */
export function submitReview(): Promise<ManualReview> {
  return api<ManualReview>('/api/photos/manual-reviews/mine/submit', { method: 'POST' })
}
