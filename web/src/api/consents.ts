// enrollment-service's 数据授权 (API-3, docs/PARTNER-API.md) as the page calls it: the partner bureaus of this bureau
// and the candidate's consent to each to read their admission data (准考证号、考试科目、考点); grant and revoke, both
// answering the partner's consent as it now stands. Each path is written out in full, once.
import { api } from './http'

/** One grant: when given and, once revoked, when revoked. */
export interface ConsentGrant { grantedAt: string; revokedAt: string | null }

/** A partner and where the candidate's consent to it stands; `history` every grant, newest first. */
export interface PartnerConsent {
  clientId: string; name: string; granted: boolean; grantedAt: string | null; revokedAt: string | null
  history: ConsentGrant[]
}

export function partnerConsents(): Promise<PartnerConsent[]> {
  return api<PartnerConsent[]>('/api/enrollments/consents')
}

/** One partner's consent: granted with PUT, revoked with DELETE (both idempotent). */
function consentOf(clientId: string): string {
  return `/api/enrollments/consents/${encodeURIComponent(clientId)}`
}

export function grantConsent(clientId: string): Promise<PartnerConsent> {
  return api<PartnerConsent>(consentOf(clientId), { method: 'PUT' })
}

export function revokeConsent(clientId: string): Promise<PartnerConsent> {
  return api<PartnerConsent>(consentOf(clientId), { method: 'DELETE' })
}
