// What the course pages (课程报考, 课程费用支付, 问卷调查) share: money in 元, the words of a readiness blocker's link, and the
// Chinese file names of their downloads. Times in Beijing time: ../../time.ts.
import type { Blocker } from '../../api/selfStudy'

/** Fen as 元 with two decimals: 4500 → 45.00. */
export function yuan(fen: number | null | undefined): string {
  return ((fen ?? 0) / 100).toFixed(2)
}

/** Seconds left as mm:ss (剩余支付时间); never negative. */
export function minutesSeconds(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

const LINK_WORDS: Record<string, string> = {
  PROFILE_INCOMPLETE: '去完善个人信息',
  PHONE_NOT_VERIFIED: '去验证手机号',
  QUESTIONNAIRE_REQUIRED: '去填写问卷',
  APPROVAL_REQUIRED: '查看审核状态',
}

/** What the link of a blocker says (its code's words; an unknown code: 去处理). */
export function blockerLinkText(blocker: Blocker): string {
  return LINK_WORDS[blocker.code] ?? '去处理'
}

export const RECEIPT_FILE = '自考课程报考费电子票据.pdf'
export const CONFIRMATION_FILE = '报考信息确认单.pdf'
