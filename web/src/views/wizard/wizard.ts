// The enrollment wizard's shared pieces: the enrollment view as enrollment-service answers it (docs/ENROLLMENT.md),
// the seven steps and their addresses (/wizard/<slug>), which of them a candidate may open, and small helpers.
import { api, ApiError } from '../../api/http'
import { session } from '../../api/session'

export interface StepView { step: string; number: number; title: string }
export interface CandidateView {
  name: string | null; candidateType: string | null; candidateTypeName: string | null; idType: string | null
  idNumberMasked: string | null; phoneMasked: string | null; gender: string | null; genderName: string | null
  birthDate: string | null; collegeCode: string | null; collegeName: string | null; majorCode: string | null
  majorName: string | null
}
export interface PersonalInfoView {
  politicalStatus: string; politicalStatusName: string; ethnicity: string; ethnicityName: string
  foreignLanguage: string; foreignLanguageName: string; mailingAddress: string; postcode: string; email: string
  householdProvince: string; householdProvinceName: string; householdCity: string; householdCityName: string
  candidateCategory: string; candidateCategoryName: string
}
export interface ScopeMajor { code: string; name: string; vocational: boolean }
export interface ExamChoiceView {
  examLocation: string; examLocationName: string; sitsExam: boolean; examNote: string | null
  subjectGroup: string | null; subjects: { code: string; name: string }[]; subjectNames: string
  scope: ScopeMajor[]; scopeNames: string; concurrentApplicationShown: boolean
  concurrentApplication: boolean | null; concurrentApplicationName: string | null
}
export interface FeeLine { code: string; name: string; amountFen: number }
export interface FeesView { items: FeeLine[]; totalFen: number; paymentStatus: string | null; paymentStatusName: string | null }
export interface Enrollment {
  id: string; examCode: string; examName: string; track: string; trackName: string
  status: string; statusName: string; currentStep: StepView; stepsDone: StepView[]; nextStep: StepView
  writableSteps: string[]; version: number; pledge: { version: number; acceptedAt: string }
  photo: { accepted: boolean; photoId: string | null; acceptedAt: string | null }
  identityStatus: string; identityStatusName: string; candidate: CandidateView | null
  personalInfo: PersonalInfoView | null; examChoice: ExamChoiceView | null; lockedFields: string[]
  editableFields: string[]; fees: FeesView; orderId: string | null; confirmedAt: string | null
  completedAt: string | null; registrationOpen: boolean; paymentOpen: boolean
}
export interface ExamSummary {
  id: string; code: string; name: string; kind: string; registrationOpen: boolean; paymentOpen: boolean
  registrationOpensAt: string; registrationClosesAt: string
}
export interface DictionaryEntry { code: string; name: string }

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

/** The version for optimistic locking, both ways the API takes it. */
export function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` }
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

/** A protected binary (photo, receipt) with the candidate's token, as an object URL. */
export async function authorizedBlob(path: string): Promise<Blob> {
  const call = () => fetch(path, { headers: { Authorization: `Bearer ${session.accessToken() ?? ''}` } })
  let response: Response
  try {
    response = await call()
    if (response.status === 401 && (await session.refresh())) response = await call()
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
  }
  if (!response.ok) {
    let detail = '文件暂时无法获取，请稍后再试'
    let code = `HTTP_${response.status}`
    try {
      const json = await response.json()
      detail = json.detail ?? detail
      code = json.code ?? code
    } catch { /* not a problem document */ }
    throw new ApiError(response.status, code, detail)
  }
  return response.blob()
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '系统繁忙，请稍后再试'
}

/** Dictionaries are the same for everybody: loaded once per page. */
const dictionaries = new Map<string, Promise<DictionaryEntry[]>>()
export function dictionary(id: string): Promise<DictionaryEntry[]> {
  if (!dictionaries.has(id)) {
    const loading = api<{ entries: DictionaryEntry[] }>(`/api/enrollments/public/dictionaries/${id}`, { auth: false })
      .then((d) => d.entries)
    loading.catch(() => dictionaries.delete(id))
    dictionaries.set(id, loading)
  }
  return dictionaries.get(id)!
}

export interface Province { code: string; name: string; cities: DictionaryEntry[] }
let regions: Promise<Province[]> | null = null
export function regionList(): Promise<Province[]> {
  regions ??= api<{ provinces: Province[] }>('/api/enrollments/public/dictionaries/regions', { auth: false })
    .then((r) => r.provinces)
  regions.catch(() => (regions = null))
  return regions
}

/** The labels of the fields a candidate saves, as the Shandong forms print them. */
export const FIELD_LABELS: Record<string, string> = {
  politicalStatus: '政治面貌',
  ethnicity: '民族',
  foreignLanguage: '专科期间公共外语课',
  mailingAddress: '通讯地址(录取通知书邮寄)',
  postcode: '通讯地址邮政编码',
  email: '个人电子邮箱',
  householdProvince: '户籍所在省(直辖市)',
  householdCity: '户籍所在市(直辖市)',
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
