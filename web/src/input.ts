// Forgiving input: what a candidate types with a Chinese input method, or copies from a document, is fixed where it
// can only mean one thing — full-width digits and letters (０-９, Ｘ, ＠, ．), the ideographic space, a lower-case x,
// blanks inside an ID or phone number — instead of being refused. The servers stay strict (an API refuses
// full-width characters with its own message); the pages send what the servers accept. What still is not half-width
// after this (a Chinese character typed into a phone number) gets a message that says 请使用半角字符, at the field.
// One copy for every bureau's pages: the Shandong account pages and wizard, and Shanghai's 新考生注册.

/** Full-width ASCII (！-～: ０-９, Ａ-Ｚ, ａ-ｚ, ＠, ．, －, …) and the ideographic space as their half-width forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/\u3000/g, ' ')
}

/** True when the text holds something that is not half-width ASCII (a Chinese character, punctuation such as 。). */
export function hasNonHalfWidth(text: string): boolean {
  return /[^\x20-\x7e]/.test(text)
}

/**
 * An ID number as the server checks it (account-service IdNumberText: half-width, upper-case, no blanks): ３７０１…ｘ,
 * 370102 19900101 123x and 370102-… typed with blanks all mean 370102…X. Blanks inside are removed too: no ID type
 * has one, and a number copied from a document often carries them between its groups.
 */
export function normalizeIdNumber(raw: string): string {
  return halfWidth(raw).replace(/\s+/g, '').toUpperCase()
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The ID types numbered as the 居民身份证 is (GB 11643: 18 characters, the last a check digit). */
function hasCheckDigit(idType: string): boolean {
  return idType === 'RESIDENT_ID' || idType === 'HMT_RESIDENCE_PERMIT'
}

/**
 * The page's own check of a number already normalised: for the 居民身份证 (and the residence permit numbered like
 * it) its 18 characters and the GB 11643 check digit. The server checks again (dates, regions, each type).
 */
export function checkIdNumber(idType: string, value: string): string {
  if (!value) return '请输入证件号码'
  if (hasNonHalfWidth(value)) return '证件号码请使用半角字符'
  if (hasCheckDigit(idType)) {
    if (!/^\d{17}[\dX]$/.test(value)) return '证件号码应为18位，最后一位可以是数字或X'
    const sum = [...value.slice(0, 17)].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0)
    if ('10X98765432'[sum % 11] !== value[17]) return '证件号码校验位不正确，请核对'
  }
  return ''
}

/**
 * The check while the candidate is still typing: nothing until the number could be whole (18 characters for a
 * 居民身份证), so the first 17 are never called wrong; from then on the same message as on leaving the field.
 * An empty field says nothing either (it is asked for when the form is sent).
 */
export function checkIdNumberWhileTyping(idType: string, value: string): string {
  if (!value) return ''
  if (hasCheckDigit(idType) && value.length < 18 && !hasNonHalfWidth(value)) return ''
  return checkIdNumber(idType, value)
}

/**
 * An e-mail address as the server keeps it: half-width (＠ and ．, and the 。 a Chinese input method types for a
 * full stop), blanks around removed, the domain in lower case.
 */
export function normalizeEmail(raw: string): string {
  const value = halfWidth(raw).replace(/\u3002/g, '.').trim()
  const at = value.lastIndexOf('@')
  return at < 0 ? value : value.slice(0, at) + '@' + value.slice(at + 1).toLowerCase()
}

/** An address already normalised, as account-service EmailAddress checks it. */
export function checkEmail(value: string, empty = '请填写电子邮箱'): string {
  if (!value) return empty
  if (hasNonHalfWidth(value)) return '电子邮箱请使用半角字符'
  return /^[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(value)
    && value.length <= 254 ? '' : '电子邮箱格式不正确，请输入正确的电子邮箱（如 zhangsan@example.com）'
}

/** A phone number as typed or copied: half-width, without the blanks and dashes of 138 0013 8000 or 138-0013-8000. */
export function normalizePhone(raw: string): string {
  return halfWidth(raw).replace(/[\s-]+/g, '')
}

/** A mainland mobile number already normalised: 11 digits starting with 1. */
export function checkPhone(value: string): string {
  if (!value) return '请输入手机号码'
  if (hasNonHalfWidth(value)) return '手机号码请使用半角数字'
  return /^1\d{10}$/.test(value) ? '' : '请输入正确的11位手机号码'
}

/** A postcode: half-width digits, no blanks. */
export function normalizePostcode(raw: string): string {
  return halfWidth(raw).replace(/\s+/g, '')
}

/**
 * What a page says before sending a value the server would refuse for not being half-width, after it was
 * normalised (the other rules stay the server's): `label请使用半角字符` (or 数字), or nothing.
 */
export function halfWidthOnly(label: string, value: string, kind: '字符' | '数字' = '字符'): string {
  return hasNonHalfWidth(value) ? `${label}请使用半角${kind}` : ''
}
