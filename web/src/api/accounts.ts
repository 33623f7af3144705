// account-service as the pages call it: registration, login and logout, captchas and SMS codes,
// password reset and change, the first login of an imported candidate (ACC-9). Public calls go without a token.
// Each path is written out in full, once, so a search for a controller's path finds its one caller.
import type { PasswordRule } from './enrollment'
import { api } from './http'
import { session, type TokenAnswer } from './session'

export type { TokenAnswer }

export interface IdType {
  code: string
  name: string
  isDefault: boolean
}

/** ACC-3: who may register. ROSTER (Shandong): IDs on the exam's roster; OPEN (Shanghai 新考生注册): anyone, who
 * types their name and chooses an examining university (主考学校) and one of its majors. */
export type RegistrationGate = 'ROSTER' | 'OPEN'

export interface Major {
  code: string
  name: string
}

export interface University {
  code: string
  name: string
  /** 温馨提示 of the university, shown under the form once it is chosen; null when it has none */
  notice: string | null
  majors: Major[]
}

/** What the registration page of the addressed bureau shows before anything is typed. */
export interface RegistrationForm {
  examCode: string
  gate: RegistrationGate
  /** the bureau's rule, as GET …/bureau answers it too */
  password: PasswordRule
  universities: University[]
}

/** The answer of a registration: masked, with the roster's college or (OPEN) the chosen university, and the major. */
export interface Registered {
  candidateId: string
  maskedIdNumber: string
  maskedName: string
  maskedPhone: string
  gender: string | null
  birthDate: string | null
  collegeName: string | null
  universityName: string | null
  majorName: string | null
}

/** An image captcha: single use on the server; `image` is a data URL. */
export interface Captcha {
  captchaId: string
  image: string
}

/** The captcha a request carries (its id and what the candidate read). */
export interface CaptchaAnswer {
  captchaId: string | undefined
  captcha: string
}

/** An ID as the candidate typed it. */
export interface CandidateId {
  idType: string
  idNumber: string
}

/** An SMS code was sent; the next may be asked for after `resendAfterSeconds` (ACC-6). */
export interface CodeSent {
  resendAfterSeconds: number
}

export interface CodeSentTo extends CodeSent {
  maskedPhone: string
}

export interface RegistrationRequest extends CandidateId, CaptchaAnswer {
  password: string
  confirmPassword: string
  phone: string
  smsCode: string
  acceptPrivacyPolicy: boolean
  acceptServiceAgreement: boolean
  /** OPEN gate only */
  name?: string
  universityCode?: string
  majorCode?: string
}

/** ACC-5 where the bureau's login needs an SMS code (Shandong): the ID, the password and the code. */
export interface SmsLoginRequest extends CandidateId {
  password: string
  smsCode: string
}

/**
 * ACC-5 where it does not (Shanghai): 证件号码 or 准考证号 (`idNumber`; `idType` only when the form asks for it), the
 * password and the image captcha, in one request.
 */
export interface PasswordLoginRequest extends CaptchaAnswer {
  idType?: string
  idNumber: string
  password: string
}

export type LoginRequest = SmsLoginRequest | PasswordLoginRequest

/** 忘记密码, first step: whose account it is, masked. */
export interface ResetTarget {
  maskedIdNumber: string
  maskedPhone: string
}

export interface PasswordResetRequest extends CandidateId, CaptchaAnswer {
  smsCode: string
  password: string
  confirmPassword: string
}

export interface PasswordChangeRequest {
  oldPassword: string
  password: string
  confirmPassword: string
}

/** The logged-in candidate as 首次登录 (ACC-9) and the Shanghai 报名信息 page show them, masked. */
export interface Profile {
  maskedPhone: string
  mustChangePassword: boolean
  mustVerifyPhone: boolean
  idType?: string
  maskedIdNumber?: string
  maskedName?: string
  gender?: string | null
  birthDate?: string | null
  /** sent where the account keeps an e-mail (Shanghai, SST-1); absent before */
  maskedEmail?: string | null
}

export function registrationForm(): Promise<RegistrationForm> {
  return api<RegistrationForm>('/api/accounts/public/registration-form', { auth: false })
}

export function idTypes(): Promise<IdType[]> {
  return api<IdType[]>('/api/accounts/public/id-types', { auth: false })
}

export function newCaptcha(): Promise<Captcha> {
  return api<Captcha>('/api/accounts/public/captchas', { method: 'POST', auth: false })
}

export function sendRegistrationCode(request: { phone: string } & CaptchaAnswer): Promise<CodeSentTo> {
  return api<CodeSentTo>('/api/accounts/public/sms-codes/registration', { body: request, auth: false })
}

export function register(request: RegistrationRequest): Promise<Registered> {
  return api<Registered>('/api/accounts/public/registrations', { body: request, auth: false })
}

export function sendLoginCode(request: CandidateId & CaptchaAnswer): Promise<CodeSentTo> {
  return api<CodeSentTo>('/api/accounts/public/sms-codes/login', { body: request, auth: false })
}

/**
 * ACC-5: logs in at this page's bureau and keeps the tokens for this tab and bureau; the answer says whether the
 * first login is pending (ACC-9).
 */
export async function login(request: LoginRequest): Promise<TokenAnswer> {
  const answer = await api<TokenAnswer>('/api/accounts/public/logins', { body: request, auth: false })
  session.store(answer)
  return answer
}

/** Revokes the refresh token on the server; the tokens leave this tab either way. */
export async function logout(): Promise<void> {
  const refreshToken = session.refreshToken()
  if (refreshToken) {
    try {
      await api('/api/accounts/public/tokens/revoke', { body: { refreshToken }, auth: false })
    } catch {
      // the refresh token expires by itself
    }
  }
  session.clear()
}

export function lookUpPasswordReset(request: CandidateId & CaptchaAnswer): Promise<ResetTarget> {
  return api<ResetTarget>('/api/accounts/public/password-resets/lookup', { body: request, auth: false })
}

export function sendPasswordResetCode(request: CandidateId & CaptchaAnswer): Promise<CodeSent> {
  return api<CodeSent>('/api/accounts/public/sms-codes/password-reset', { body: request, auth: false })
}

export function resetPassword(request: PasswordResetRequest): Promise<void> {
  return api<void>('/api/accounts/public/password-resets', { body: request, auth: false })
}

/** ACC-7: the server ends every session of the account when the password changes. */
export function changePassword(request: PasswordChangeRequest): Promise<void> {
  return api<void>('/api/accounts/me/password', { body: request })
}

export function profile(): Promise<Profile> {
  return api<Profile>('/api/accounts/me')
}

export function sendPhoneVerificationCode(): Promise<CodeSent> {
  return api<CodeSent>('/api/accounts/me/phone-verification/code', { method: 'POST' })
}

export function verifyPhone(smsCode: string): Promise<void> {
  return api<void>('/api/accounts/me/phone-verification', { body: { smsCode } })
}
