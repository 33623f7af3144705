// What the account pages (登录, 注册, 忘记密码, 修改密码, 首次登录) share: the ID types, the bureau's password rule as
// the server words it, the client-side checks before sending, and which problem codes belong to which field.
import { onMounted, ref, watch } from 'vue'
import { idTypes as loadIdTypes, type IdType } from '../../api/accounts'
import type { PasswordRule } from '../../api/enrollment'
import { checkIdNumber, checkIdNumberWhileTyping, normalizeIdNumber } from '../../input'

/**
 * The hint under a new-password field: the bureau's rule (ACC-4). Shandong's (all four classes) in the words of its
 * manual; a rule of length only (Shanghai) says just that.
 */
export function passwordHint({ minLength, maxLength, requiredClasses }: PasswordRule): string {
  if (requiredClasses <= 1) return `注：密码长度为${minLength}-${maxLength}位`
  if (requiredClasses >= 4) return `注：密码为${minLength}-${maxLength}位，必须包含数字、英文字母（区分大小写）、特殊字符`
  return `注：密码为${minLength}-${maxLength}位，须包含数字、大写字母、小写字母、特殊字符中的至少${requiredClasses}种`
}

/** The rule as the server words its refusal (PASSWORD_WEAK, account-service PasswordPolicy). */
function passwordRuleText({ minLength, maxLength, requiredClasses }: PasswordRule): string {
  if (requiredClasses <= 1) return `密码长度为${minLength}-${maxLength}位`
  const classes = requiredClasses >= 4 ? '必须包含数字、大写字母、小写字母和特殊字符'
    : `须包含数字、大写字母、小写字母、特殊字符中的至少${requiredClasses}种`
  return `密码为${minLength}-${maxLength}位，${classes}，不能包含空格或中文`
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

/**
 * The 证件号码 field of an account page, forgiving (../../input): while the candidate types, a 居民身份证 number is
 * checked once it has its 18 characters (length, check digit) and the message shown at the field; the first 17 are
 * never called wrong, and a message about an earlier number (the page's or the server's) goes once the number is
 * changed. The handler answered is the field's blur: the field then shows the number normalised (half-width,
 * upper-case, no blanks) and says what is wrong with it, if anything. `checked` false: normalised only (a field that
 * also takes a 准考证号).
 */
export function useIdNumberField(form: { idType: string; idNumber: string }, errors: Errors,
  checked: () => boolean = () => true): () => void {
  let last = normalizeIdNumber(form.idNumber)
  watch(() => [form.idType, form.idNumber] as const, ([idType, raw], [typeBefore]) => {
    const value = normalizeIdNumber(raw)
    // normalising the field (blur, send) changes what it shows, not the number: the messages stay
    if (value === last && idType === typeBefore) return
    last = value
    if (!checked()) return
    const message = checkIdNumberWhileTyping(idType, value)
    if (message) errors.idNumber = message
    else delete errors.idNumber
  })
  return () => {
    form.idNumber = normalizeIdNumber(form.idNumber)
    const message = checked() && form.idNumber ? checkIdNumber(form.idType, form.idNumber) : ''
    if (message) errors.idNumber = message
  }
}

export function checkCaptcha(value: string): string {
  return value.trim() ? '' : '请输入图片验证码'
}

export function checkSmsCode(value: string): string {
  if (!value.trim()) return '请输入短信验证码'
  return /^\d{6}$/.test(value.trim()) ? '' : '请输入6位数字短信验证码'
}

/** The bureau's rule checked before sending: its length (in characters) and, above one, its classes in ASCII. */
export function checkNewPassword(value: string, empty: string, rule: PasswordRule): string {
  if (!value) return empty
  const length = [...value].length
  let ok = length >= rule.minLength && length <= rule.maxLength
  if (rule.requiredClasses > 1) {
    const classes = [/\d/, /[a-z]/, /[A-Z]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length
    ok &&= /^[\x21-\x7e]+$/.test(value) && classes >= rule.requiredClasses
  }
  return ok ? '' : passwordRuleText(rule)
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
export function safeNext(next: unknown, fallback = '/wizard'): string {
  const value = Array.isArray(next) ? next[0] : next
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : fallback
}
