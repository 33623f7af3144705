// What the account pages (登录, 注册, 忘记密码, 修改密码, 首次登录) share: the ID types, the password rule as the
// server words it, the client-side checks before sending, and which problem codes belong to which field.
import { onMounted, ref } from 'vue'
import { idTypes as loadIdTypes, type IdType, type PasswordLengths, registrationForm } from '../../api/accounts'

/** Shandong's lengths: what a page assumes until the deployment's own have arrived. */
export const SHANDONG_PASSWORD: PasswordLengths = { minLength: 8, maxLength: 16 }

let deploymentLengths: Promise<PasswordLengths> | null = null

/**
 * The deployment's password lengths for the pages that set a new password without registering (忘记密码, 修改密码,
 * 首次登录): read once from the registration form, Shandong's until then or if it cannot be read (the server checks
 * again either way).
 */
export function usePasswordLengths() {
  const lengths = ref<PasswordLengths>(SHANDONG_PASSWORD)
  onMounted(async () => {
    deploymentLengths ??= registrationForm()
      .then((form) => form?.password ?? SHANDONG_PASSWORD)
      .catch(() => {
        deploymentLengths = null
        return SHANDONG_PASSWORD
      })
    lengths.value = await deploymentLengths
  })
  return lengths
}

/** The hint under a new-password field; the rule as the server words it (PASSWORD_WEAK). */
export function passwordHint({ minLength, maxLength }: PasswordLengths = SHANDONG_PASSWORD): string {
  return `注：密码为${minLength}-${maxLength}位，必须包含数字、英文字母（区分大小写）、特殊字符`
}
function passwordRule({ minLength, maxLength }: PasswordLengths): string {
  return `密码为${minLength}-${maxLength}位，必须包含数字、大写字母、小写字母和特殊字符，不能包含空格或中文`
}

/** Where the OPEN gate's refusals go (NAME_REQUIRED, NAME_DIGITS, …, UNIVERSITY_UNKNOWN, MAJOR_NOT_OFFERED). */
export const OPEN_RULES = {
  name: ['NAME_*'],
  universityCode: ['UNIVERSITY_*'],
  majorCode: ['MAJOR_*'],
}

/** The ID types of the exam; until the server answers (or if it cannot), 居民身份证 alone. */
export function useIdTypes(onDefault: (code: string) => void) {
  const idTypes = ref<IdType[]>([{ code: 'RESIDENT_ID', name: '居民身份证', isDefault: true }])
  onMounted(async () => {
    try {
      const answer = await loadIdTypes()
      if (Array.isArray(answer) && answer.length) {
        idTypes.value = answer
        onDefault((answer.find((type) => type.isDefault) ?? answer[0]).code)
      }
    } catch {
      // 居民身份证 stays the one choice; the server has the last word when the form is sent
    }
  })
  return idTypes
}

/** Where each refusal goes. ID_TYPE_UNKNOWN comes before the ID_* prefix so it lands on the select. */
export const ID_RULES = {
  idType: ['ID_TYPE_UNKNOWN'],
  idNumber: ['ID_*', 'NOT_ON_ROSTER', 'ALREADY_REGISTERED', 'ACCOUNT_NOT_FOUND'],
}
export const CAPTCHA_RULES = { captcha: ['CAPTCHA_*'] }
export const SMS_RULES = { smsCode: ['SMS_CODE_*', 'TOO_FREQUENT', 'DAILY_LIMIT_REACHED'] }
export const PASSWORD_RULES = {
  oldPassword: ['OLD_PASSWORD_WRONG'],
  confirmPassword: ['PASSWORD_MISMATCH'],
  password: ['PASSWORD_*'],
}

type Errors = Record<string, string>

/** A check: the field it concerns and its message when the value is wrong (empty string = fine). */
export type Check = [field: string, message: string]

export function requiredIdNumber(value: string): string {
  return value.trim() ? '' : '请输入证件号码'
}

export function checkCaptcha(value: string): string {
  return value.trim() ? '' : '请输入图片验证码'
}

export function checkPhone(value: string): string {
  if (!value.trim()) return '请输入手机号码'
  return /^1\d{10}$/.test(value.trim()) ? '' : '请输入正确的11位手机号码'
}

export function checkSmsCode(value: string): string {
  if (!value.trim()) return '请输入短信验证码'
  return /^\d{6}$/.test(value.trim()) ? '' : '请输入6位数字短信验证码'
}

export function checkNewPassword(value: string, empty = '请设置登录密码',
  lengths: PasswordLengths = SHANDONG_PASSWORD): string {
  if (!value) return empty
  const ascii = /^[\x21-\x7e]+$/.test(value)
  const ok = value.length >= lengths.minLength && value.length <= lengths.maxLength && ascii && /\d/.test(value) && /[a-z]/.test(value)
    && /[A-Z]/.test(value) && /[^A-Za-z0-9]/.test(value)
  return ok ? '' : passwordRule(lengths)
}

export function checkConfirmation(password: string, confirmation: string): string {
  if (!confirmation) return '请再次输入密码'
  return password === confirmation ? '' : '两次输入的密码不一致'
}

/** Clears the old messages, puts each failed check next to its field; true when everything passed. */
export function runChecks(errors: Errors, clear: () => void, checks: Check[]): boolean {
  clear()
  let ok = true
  for (const [field, message] of checks) {
    if (message && !errors[field]) {
      errors[field] = message
      ok = false
    }
  }
  return ok
}

/** Only a path inside this site may be the `next` page after login (no //host, no scheme). */
export function safeNext(next: unknown): string {
  const value = Array.isArray(next) ? next[0] : next
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/wizard'
}
