// enrollment-service's Shanghai 自考 course registration as the pages call it (issue 19; docs/SELF-STUDY.md): the
// candidate's 个人信息 (the starred fields), the sitting's 问卷调查, whether they may choose and pay (readiness), the
// course page and its selection, the course orders (结算, the 考生报考承诺书, 撤回) and the 报考信息确认单. The
// universities the candidate holds are in enrollment.ts. Each path is written out in full, once.
import { api, blob } from './http'

/** One reason the candidate may not choose (or pay) yet, with the page of this bureau that fixes it (`/home`, …). */
export interface Blocker { code: string; message: string; link: string }

/**
 * Whether course selection is open to the candidate: `blockers` in the order to fix them (PROFILE_INCOMPLETE,
 * PHONE_NOT_VERIFIED, QUESTIONNAIRE_REQUIRED); `paymentBlocker` (APPROVAL_REQUIRED) stops paying only.
 */
export interface Readiness {
  mayChoose: boolean; mayPay: boolean; blockers: Blocker[]; paymentBlocker: Blocker | null
  admissionNumber: string | null
}

/** The 个人信息 a 自考 candidate completes before choosing courses: codes for the first four, text for the rest. */
export interface ProfileFields {
  ethnicity: string | null; politicalStatus: string | null; education: string | null; occupation: string | null
  mailingAddress: string | null; postcode: string | null; employer: string | null; landline: string | null
}
export type ProfileField = keyof ProfileFields

/** The starred (required) fields, in the form's order; 工作单位 and 固定电话 are optional. */
export const REQUIRED_PROFILE_FIELDS: ProfileField[] = ['ethnicity', 'politicalStatus', 'education', 'occupation',
  'mailingAddress', 'postcode']
export const OPTIONAL_PROFILE_FIELDS: ProfileField[] = ['employer', 'landline']

/**
 * The profile as the server answers it: `missing` names the starred fields still empty (`required` all of them);
 * `names` the dictionary names of the coded fields' values, `labels` the fields' Chinese labels, `dictionaries` where
 * each coded field's choices are; `updatedAt` of the last 确认提交 (null before).
 */
export interface SelfStudyProfile {
  complete: boolean; missing: ProfileField[]; fields: ProfileFields
  required?: ProfileField[]
  names?: Partial<Record<ProfileField, string | null>>
  labels?: Partial<Record<ProfileField, string>>
  dictionaries?: Partial<Record<ProfileField, string>>
  updatedAt?: string | null
}

export interface QuestionnaireQuestion {
  id: string; text: string; kind: 'SINGLE' | 'MULTIPLE' | 'TEXT'; kindName?: string; options: string[] | null
  required: boolean | null
}
export interface Questionnaire {
  version: string; title: string; questions: QuestionnaireQuestion[]; answered: boolean; answeredAt: string | null
}
/** An answer by question id: the text, the option chosen, or the options chosen. */
export type QuestionnaireAnswers = Record<string, string | string[]>

/** A half-day slot of the exam plan; `label` as the candidate reads it (2026年10月24日 上午). */
export interface Slot { date: string; halfDay: 'AM' | 'PM'; label: string }

/** theory: AVAILABLE 未选择, SELECTED 已选择（未结算）, ORDERED 未支付, PAID 已支付, LAPSED 已失效. */
export type TheoryState = 'AVAILABLE' | 'SELECTED' | 'ORDERED' | 'PAID' | 'LAPSED'
/** practical: AVAILABLE, REGISTERED 已报考（缴费以院校通知为准）, AWAITING_REVIEW 待主考学校审核. */
export type PracticalState = 'AVAILABLE' | 'REGISTERED' | 'AWAITING_REVIEW' | 'APPROVED' | 'REJECTED'

export interface TheoryCourse {
  code: string; name: string; credits: number; feeFen: number; slot: Slot; state: TheoryState; stateName: string
  /** the course order holding it (ORDERED, PAID), else null */
  courseOrderId: string | null
}
export interface PracticalCourse {
  code: string; name: string; credits: number; category: 'PUBLIC' | 'NON_PUBLIC'; categoryName: string
  payment: 'REVIEW_BEFORE_PAYMENT' | 'AT_UNIVERSITY'; paymentName: string; slot: Slot | null
  state: PracticalState; stateName: string
  /** the 主考学校's reason, once it reviewed the course (always given for 审核未通过) */
  reviewReason: string | null
}
export interface CourseUniversity {
  universityCode: string; universityName: string; majorCode: string; majorName: string
  theoryCourses: TheoryCourse[]; practicalCourses: PracticalCourse[]
}

export interface CourseOrderItem {
  universityCode: string; universityName: string; courseCode: string; courseName: string; feeFen: number
  slot: Slot | null
}
/** AWAITING_PLEDGE → PLACED → PAID | LAPSED; AWAITING_PLEDGE → WITHDRAWN. */
export type CourseOrderStatus = 'AWAITING_PLEDGE' | 'PLACED' | 'PAID' | 'LAPSED' | 'WITHDRAWN'
export interface CourseOrderSummary {
  id: string; status: CourseOrderStatus; statusName: string; totalFen: number; items: CourseOrderItem[]
  placedAt: string | null; paidAt: string | null; lapsedAt: string | null; createdAt?: string | null
  lapsesAt?: string | null
}
export interface OuterArea { code: string; name: string }

/** 课程报考: the sitting, the readiness, the 远郊考区意向, each university's courses, the orders. */
export interface CoursePage {
  examCode: string; examName: string; registrationOpen: boolean; registrationClosesAt: string | null
  readiness: Readiness; remoteArea: OuterArea | null; remoteAreas: OuterArea[]
  universities: CourseUniversity[]; orders: CourseOrderSummary[]
  /** 追加课程: new courses may be ordered (every earlier order is paid) */
  mayAppend: boolean
  /** 未在报名截止前完成支付，课程报考视为无效 once something lapsed at the close, else null */
  lapsedNotice: string | null
}

export interface CourseChoice { universityCode: string; courseCode: string }
/** The whole not-yet-ordered selection; courses already in an order are kept whatever is sent. */
export interface CourseSelection { remoteAreaCode: string | null; theory: CourseChoice[]; practical: CourseChoice[] }

/** The 考生报考承诺书 of the sitting, accepted by its version. */
export interface CoursePledge { title: string; version: string | number; text: string }
export interface CourseOrder extends Partial<CourseOrderSummary> {
  id: string; status: CourseOrderStatus; statusName?: string; items: CourseOrderItem[]; totalFen: number
  pledge?: CoursePledge | null
}

const PROFILE = '/api/enrollments/self-study/profile'
const QUESTIONNAIRE = '/api/enrollments/self-study/questionnaire'

/** One course order: read (GET) and withdrawn (DELETE, while it awaits the pledge). */
function courseOrderPath(id: string): string {
  return `/api/enrollments/self-study/course-orders/${id}`
}

export function selfStudyProfile(): Promise<SelfStudyProfile> {
  return api<SelfStudyProfile>(PROFILE)
}

/** 确认提交: 400 with `violations` by field for what is wrong or missing. */
export function saveSelfStudyProfile(fields: ProfileFields): Promise<SelfStudyProfile> {
  return api<SelfStudyProfile>(PROFILE, { method: 'PUT', body: fields })
}

export function questionnaire(): Promise<Questionnaire> {
  return api<Questionnaire>(QUESTIONNAIRE)
}

/** 提交问卷: 409 QUESTIONNAIRE_ANSWERED, QUESTIONNAIRE_VERSION_OUTDATED; 400 naming the question. */
export function answerQuestionnaire(version: string, answers: QuestionnaireAnswers): Promise<unknown> {
  return api<unknown>(QUESTIONNAIRE, { method: 'POST', body: { version, answers } })
}

export function readiness(): Promise<Readiness> {
  return api<Readiness>('/api/enrollments/self-study/readiness')
}

export function coursePage(): Promise<CoursePage> {
  return api<CoursePage>('/api/enrollments/self-study/courses')
}

/**
 * Saves the selection (each tick of the page). Refusals: SLOT_CONFLICT, PRACTICAL_SLOT_CONFLICT, ORDER_UNPAID,
 * COURSES_NOT_READY, COURSE_NOT_FOUND, REGISTRATION_CLOSED.
 */
export function saveCourseSelection(selection: CourseSelection): Promise<unknown> {
  return api<unknown>('/api/enrollments/self-study/courses/selection', { method: 'PUT', body: selection })
}

/** 结算: an order of the selected theory courses, awaiting the 考生报考承诺书 (201; 200: the one still waiting). */
export function placeCourseOrder(): Promise<CourseOrder> {
  return api<CourseOrder>('/api/enrollments/self-study/course-orders', { method: 'POST', body: {} })
}

/** 404 COURSE_ORDER_NOT_FOUND for an order not the candidate's. */
export function courseOrder(id: string): Promise<CourseOrder> {
  return api<CourseOrder>(courseOrderPath(id))
}

/** 我同意 → 下一步: the order is PLACED and payment-service opens its fee order. */
export function acceptCoursePledge(id: string, version: string | number): Promise<CourseOrder> {
  return api<CourseOrder>(`/api/enrollments/self-study/course-orders/${id}/pledge`,
    { method: 'POST', body: { accept: true, version } })
}

/** 返回修改选课: an order still awaiting the pledge is withdrawn (WITHDRAWN), its courses selected again. */
export function withdrawCourseOrder(id: string): Promise<unknown> {
  return api<unknown>(courseOrderPath(id), { method: 'DELETE' })
}

/** 报考信息确认单 (PDF). */
export function confirmationPdf(): Promise<Blob> {
  return blob('/api/enrollments/self-study/confirmation.pdf')
}
