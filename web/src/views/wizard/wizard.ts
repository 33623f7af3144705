// The enrollment wizard's shared pieces (the enrollment as enrollment-service answers it is in api/enrollment.ts):
// the seven steps and their addresses (/wizard/<slug>), which of them a candidate may open, and small helpers.
import { ApiError } from '../../api/http'
import type { Enrollment } from '../../api/enrollment'

/** The seven screens in the manual's order; index + 1 is the step number. */
export const STEPS = [
  { slug: 'pledge', step: 'PLEDGE', title: '报考承诺' },
  { slug: 'photo', step: 'PHOTO', title: '采集个人照片' },
  { slug: 'personal-info', step: 'PERSONAL_INFO', title: '填写个人信息' },
  { slug: 'exam-choice', step: 'EXAM_CHOICE', title: '选报专业范围及选择考试地点' },
  { slug: 'confirmation', step: 'CONFIRMATION', title: '确认报考信息' },
  { slug: 'payment', step: 'PAYMENT', title: '网上缴费' },
  { slug: 'preview', step: 'PREVIEW', title: '信息预览' },
] as const

export type StepSlug = (typeof STEPS)[number]['slug']

const CONFIRMED = ['CONFIRMED', 'COMPLETED']

/**
 * The step (1..7) the candidate is at: the server's next step, except that the photo step stays on screen until the
 * identity comparison passed (the manual's 保存，下一步 comes after 比对通过).
 */
export function currentStep(e: Enrollment | null): number {
  if (!e) return 1
  if (e.status === 'PHOTO_DONE' && e.identityStatus !== 'PASSED') return 2
  return e.currentStep.number
}

/** Steps the candidate may open: the current one, earlier ones that can still be changed, never one further on. */
export function openSteps(e: Enrollment | null): number[] {
  const current = currentStep(e)
  if (!e) return [1]
  const steps = new Set<number>([current])
  if (!CONFIRMED.includes(e.status)) {
    steps.add(2) // the photo (retake while the comparison has not passed; else just shown)
    for (const writable of e.writableSteps) {
      const n = STEPS.findIndex((s) => s.step === writable) + 1
      if (n > 0 && n <= current) steps.add(n)
    }
  } else {
    steps.add(5) // read-only once confirmed: 上一步 from 网上缴费 (seed 000 §2.6)
    steps.add(6)
    if (e.status === 'COMPLETED') steps.add(7)
  }
  return [...steps].sort((a, b) => a - b)
}

export function slugOf(step: number): StepSlug {
  return STEPS[step - 1].slug
}

export function stepOf(slug: string | undefined): number {
  const index = STEPS.findIndex((s) => s.slug === slug)
  return index < 0 ? 0 : index + 1
}

export function yuan(fen: number | null | undefined): string {
  return ((fen ?? 0) / 100).toFixed(2)
}

export function birthDate(date: string | null | undefined): string {
  if (!date) return ''
  const [y, m, d] = date.split('-')
  return `${y}年${m}月${d}日`
}

export function idTypeName(type: string | null | undefined): string {
  if (!type) return ''
  return ({ ID_CARD: '居民身份证', RESIDENT_ID: '居民身份证', PASSPORT: '护照' } as Record<string, string>)[type] ?? '居民身份证'
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '系统繁忙，请稍后再试'
}

/** The labels of the fields a candidate saves, as the Shandong forms print them. */
export const FIELD_LABELS: Record<string, string> = {
  politicalStatus: '政治面貌',
  ethnicity: '民族',
  foreignLanguage: '专科期间公共外语课',
  mailingAddress: '通讯地址（录取通知书邮寄）',
  postcode: '通讯地址邮政编码',
  email: '个人电子邮箱',
  householdProvince: '户籍所在省（直辖市）',
  householdCity: '户籍所在市（直辖市）',
  candidateCategory: '考生类别',
}

/** Problem codes of step 3 by field (for refusals without violations). */
export const PERSONAL_INFO_RULES: Record<string, string[]> = {
  politicalStatus: ['POLITICAL_STATUS_*'],
  ethnicity: ['ETHNICITY_*'],
  foreignLanguage: ['FOREIGN_LANGUAGE_*'],
  mailingAddress: ['MAILING_ADDRESS_*'],
  postcode: ['POSTCODE_*'],
  email: ['EMAIL_*'],
  householdProvince: ['HOUSEHOLD_PROVINCE_*'],
  householdCity: ['HOUSEHOLD_CITY_*'],
  candidateCategory: ['CANDIDATE_CATEGORY_*'],
}
