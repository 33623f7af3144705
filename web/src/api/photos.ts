// photo-service as the pages call it (docs/PHOTO.md): the photo requirements, the capture session the computer
// opens and long-polls, the phone's single-use link (no login: the link is the key), submitting a photo and the
// identity comparison. Each path is written out in full, once.
import { api, blob } from './http'

export interface Requirements { notes: string[] }

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

/** A new Shanghai candidate's approval (photo-service, contract 3 of the Shanghai design): its state and Chinese label. */
export interface Approval {
  status: 'PHOTO_REQUIRED' | 'CHECKING' | 'APPROVED' | 'PROOFS_REQUIRED' | 'IN_REVIEW' | 'REJECTED'
  label: string
  reason: string | null
  failedComparisons: number
  requiredProofs: string[]
}

/** 审核状态 of the logged-in candidate. */
export function approval(): Promise<Approval> {
  return api<Approval>('/api/photos/approval')
}
