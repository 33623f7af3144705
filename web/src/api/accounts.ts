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
  /** 特殊专业 (中药学, 护理学, …): its new candidates are reviewed by hand with proofs (ENR-10) */
  special?: boolean
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
  /** required with the OPEN gate (SST-1: with the phone, the only way to recover a password), optional otherwise */
  email?: string
  /** OPEN gate: 我同意 to the 考生诚信承诺书, and the version the candidate read (must be the bureau's current one) */
  acceptIntegrityPledge?: boolean
  integrityPledgeVersion?: string
}

/** 新考生注册 (SST-1, OPEN gate): everything the registration takes. */
export interface NewCandidateRequest extends RegistrationRequest {
  name: string
  universityCode: string
  majorCode: string
  email: string
  acceptIntegrityPledge: boolean
  integrityPledgeVersion: string
}

/**
 * The answer of a 新考生注册: masked (ACC-10) and logged in (a login's token fields), so the photo step follows
 * without another captcha.
 */
export interface NewCandidateRegistered extends TokenAnswer {
  candidateId: string
  maskedIdNumber: string
  maskedName: string
  maskedPhone: string
  maskedEmail: string
  gender: string | null
  birthDate: string | null
  universityName: string
  majorName: string
  specialMajor: boolean
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

/**
 * 忘记密码, first step: whose account it is, masked, and the ways back into it: the bound phone (通过手机找回) and the
 * e-mail address (通过邮箱找回), each null when the account has none.
 */
export interface ResetTarget {
  maskedIdNumber: string
  maskedPhone: string | null
  maskedEmail: string | null
}

/** The code of the way chosen: `smsCode` (通过手机找回) or `emailCode` (通过邮箱找回). */
export interface PasswordResetRequest extends CandidateId, CaptchaAnswer {
  smsCode?: string
  emailCode?: string
  password: string
  confirmPassword: string
}

/** A code was mailed (ACC-7); the next may be asked for after `resendAfterSeconds`. */
export interface CodeMailed extends CodeSent {
  maskedEmail: string
  validForSeconds: number
}

export interface PasswordChangeRequest {
  oldPassword: string
  password: string
  confirmPassword: string
}

/** The logged-in candidate as 首次登录 (ACC-9) and the Shanghai 报名信息 page show them, masked; `maskedPhone` null: an
 * imported account without a phone. */
export interface Profile {
  maskedPhone: string | null
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

/** 修改注册手机号 without logging in (ACC-8): who asks (证件号码 or 准考证号 in `idNumber`) and their password. */
export interface LostPhoneHolder extends CaptchaAnswer {
  idNumber: string
  password: string
}

/** A phone-change request as its candidate sees it: `label` 审核中, 已通过, 未通过 (with `reason`), 已撤回. */
export interface PhoneChangeRequest {
  requestId: string
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'
  label: string
  maskedNewPhone: string
  reason: string | null
  createdAt: string
  decidedAt: string | null
}

/** The three proof images of a phone change, as the form picked them. */
export interface PhoneChangeProofs {
  idCardFront: File
  idCardBack: File
  holdingId: File
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

/**
 * 新考生注册 (SST-1) at an OPEN bureau: the same call as {@link register}, which answers with the tokens of a login
 * there; they are kept for this tab and bureau, as a login's are.
 */
export async function registerNewCandidate(request: NewCandidateRequest): Promise<NewCandidateRegistered> {
  const answer = (await register(request)) as unknown as NewCandidateRegistered
  session.store(answer, true)
  return answer
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
  session.store(answer, true)
  return answer
}

/**
 * 退出: revokes the session on the server (the refresh token in the cookie, which the answer clears) and ends it in
 * every tab of this browser, whether or not the server could be reached.
 */
export async function logout(): Promise<void> {
  const testToken = session.testRefreshToken()
  try {
    await api('/api/accounts/public/tokens/revoke', { body: testToken ? { refreshToken: testToken } : {}, auth: false })
  } catch {
    // the refresh token expires by itself
  }
  session.endEverywhere()
}

export function lookUpPasswordReset(request: CandidateId & CaptchaAnswer): Promise<ResetTarget> {
  return api<ResetTarget>('/api/accounts/public/password-resets/lookup', { body: request, auth: false })
}

export function sendPasswordResetCode(request: CandidateId & CaptchaAnswer): Promise<CodeSent> {
  return api<CodeSent>('/api/accounts/public/sms-codes/password-reset', { body: request, auth: false })
}

/** 通过邮箱找回: a 6-digit code mailed to the account's address (shown masked). */
export function sendPasswordResetEmail(request: CandidateId & CaptchaAnswer): Promise<CodeMailed> {
  return api<CodeMailed>('/api/accounts/public/email-codes/password-reset', { body: request, auth: false })
}

export function resetPassword(request: PasswordResetRequest): Promise<void> {
  return api<void>('/api/accounts/public/password-resets', { body: request, auth: false })
}

/** ACC-7: the server ends every session of the account when the password changes. */
export function changePassword(request: PasswordChangeRequest): Promise<void> {
  return api<void>('/api/accounts/me/password', { body: request })
}

/** The account's profile; `side`: for the header's name, a refusal there never ends the tab's session. */
export function profile(side = false): Promise<Profile> {
  return api<Profile>('/api/accounts/me', { side })
}

/** ACC-9: a code to the bound phone; an account without one names the `phone` it binds. */
export function sendPhoneVerificationCode(phone?: string): Promise<CodeSent> {
  return api<CodeSent>('/api/accounts/me/phone-verification/code', phone ? { body: { phone } } : { method: 'POST' })
}

/** ACC-9: the code proves the bound phone, or (an account without one) binds `phone`. */
export function verifyPhone(smsCode: string, phone?: string): Promise<void> {
  return api<void>('/api/accounts/me/phone-verification', { body: phone ? { smsCode, phone } : { smsCode } })
}

/** 修改注册手机号 (ACC-8), 获取验证码 for the new phone: who asks is proven by the password, like a login. */
export function sendLostPhoneCode(request: LostPhoneHolder & { newPhone: string }): Promise<CodeSentTo> {
  return api<CodeSentTo>('/api/accounts/public/phone-change/code', { body: request, auth: false })
}

/** 提交审核: the new phone with its code and the three proof images, as multipart. */
export function submitLostPhoneChange(request: LostPhoneHolder & { newPhone: string; smsCode: string },
  proofs: PhoneChangeProofs): Promise<PhoneChangeRequest> {
  const form = new FormData()
  form.append('idNumber', request.idNumber)
  form.append('password', request.password)
  form.append('captchaId', request.captchaId ?? '')
  form.append('captcha', request.captcha)
  form.append('newPhone', request.newPhone)
  form.append('smsCode', request.smsCode)
  form.append('idCardFront', proofs.idCardFront)
  form.append('idCardBack', proofs.idCardBack)
  form.append('holdingId', proofs.holdingId)
  return api<PhoneChangeRequest>('/api/accounts/public/phone-change-requests', { body: form, auth: false })
}

/** 查询审核状态: the candidate's phone-change requests, newest first (the same proof of who asks). */
export function lookUpLostPhoneChanges(request: LostPhoneHolder): Promise<PhoneChangeRequest[]> {
  return api<PhoneChangeRequest[]>('/api/accounts/public/phone-change-requests/lookup', { body: request, auth: false })
}
