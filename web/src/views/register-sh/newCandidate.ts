// 新考生注册 (SST-1, Shanghai, seed 004 §2): what its pages share. The candidate's typing is forgiven where the
// meaning is plain (blanks around, full-width characters from a Chinese input method, a lower-case x); the server
// stays the authority on every rule and its Chinese refusal is shown next to the field it concerns.
import { reactive } from 'vue'
import type { ProofKind } from '../../api/photos'

/** The four steps of the manual's 新考生注册, in its words. */
export const STEPS = ['报考专业与承诺书', '填写个人信息', '上传照片', '审核结果']

/** What the candidate typed on steps ① and ②, kept while they go back and forth (never stored in the browser). */
export const draft = reactive({
  idType: 'RESIDENT_ID', idNumber: '', universityCode: '', majorCode: '', pledgeAgreed: false,
  name: '', phone: '', smsCode: '', email: '', password: '', confirmPassword: '', captcha: '', consent: false,
})

/** Forgets everything typed (after the account is made: the password must not stay in memory). */
export function clearDraft() {
  Object.assign(draft, {
    idType: 'RESIDENT_ID', idNumber: '', universityCode: '', majorCode: '', pledgeAgreed: false, name: '', phone: '',
    smsCode: '', email: '', password: '', confirmPassword: '', captcha: '', consent: false,
  })
}

/** Full-width ASCII (０-９, Ｘ, ＠, ．, …) and the ideographic space as their half-width forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/\u3000/g, ' ')
}

/**
 * An ID number as the server checks it (account-service IdNumberText: trimmed, half-width, upper-case): the server
 * refuses full-width characters and lower-case letters with their own message; here they are simply fixed, since
 * ３１０１…ｘ can only mean 3101…X.
 */
export function normalizeIdNumber(raw: string): string {
  return halfWidth(raw).trim().toUpperCase()
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The page's own check of a number already normalised; the server checks again (dates, regions, each type). */
export function checkIdNumber(idType: string, value: string): string {
  if (!value) return '请输入证件号码'
  if (idType === 'RESIDENT_ID' || idType === 'HMT_RESIDENCE_PERMIT') {
    if (!/^\d{17}[\dX]$/.test(value)) return '证件号码应为18位，最后一位可以是数字或X'
    const sum = [...value.slice(0, 17)].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0)
    if ('10X98765432'[sum % 11] !== value[17]) return '证件号码校验位不正确，请核对'
  }
  return ''
}

/** An e-mail address as the server keeps it: trimmed, half-width, the domain in lower case. */
export function normalizeEmail(raw: string): string {
  const value = halfWidth(raw).trim()
  const at = value.lastIndexOf('@')
  return at < 0 ? value : value.slice(0, at) + '@' + value.slice(at + 1).toLowerCase()
}

export function checkEmail(value: string): string {
  if (!value) return '请填写电子邮箱'
  return /^[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(value)
    && value.length <= 254 ? '' : '电子邮箱格式不正确，请输入正确的电子邮箱（如 zhangsan@example.com）'
}

/** The proofs a review asks for, as the candidate reads them. */
export const PROOF_NAMES: Record<ProofKind, string> = {
  ID_CARD_FRONT: '证件正面照片',
  ID_CARD_BACK: '证件反面照片',
  HOLDING_ID: '手持证件半身照',
  EDUCATION_PROOF: '学历证明',
  EMPLOYER_PROOF: '单位证明',
}

/** Where the refusals of a 新考生注册 go; the fields of step ① send the candidate back there. */
export const STEP_ONE_FIELDS = ['idType', 'idNumber', 'universityCode', 'majorCode', 'pledge']
