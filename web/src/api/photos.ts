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

/** The proofs a manual review asks for (SST-2, PHO-5). */
export type ProofKind = 'ID_CARD_FRONT' | 'ID_CARD_BACK' | 'HOLDING_ID' | 'EDUCATION_PROOF' | 'EMPLOYER_PROOF'

/** Where a new candidate's approval stands (SST-1, SST-2; photo-service, docs/SHANGHAI.md). */
export type ApprovalStatus = 'PHOTO_REQUIRED' | 'CHECKING' | 'APPROVED' | 'PROOFS_REQUIRED' | 'IN_REVIEW' | 'REJECTED'

export interface Approval {
  status: ApprovalStatus
  /** the status in Chinese, as the server words it */
  label: string
  /** the reason of a failed comparison, of a rejection or of the review; null when there is none */
  reason: string | null
  failedComparisons: number
  requiredProofs: ProofKind[]
}

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

/** A new candidate's approval (SST-1, SST-2): one state, read after submitting the photo. */
export function approval(): Promise<Approval> {
  return api<Approval>('/api/photos/approval')
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
