// 新考生注册 (SST-1, Shanghai, seed 004 §2): what its pages share. The candidate's typing is forgiven where the
// meaning is plain (blanks, full-width characters from a Chinese input method, a lower-case x: ../../input, shared
// with the Shandong pages); the server stays the authority on every rule and its Chinese refusal is shown next to the
// field it concerns.
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
