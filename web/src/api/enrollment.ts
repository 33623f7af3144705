// enrollment-service as the pages call it (docs/ENROLLMENT.md): the bureaus (考试院, BUR-1) with their texts, the
// exams, the candidate's enrollment and its steps, the dictionaries. A change sends the version the candidate read twice, as If-Match and in the body, and
// a stale one is refused with ENROLLMENT_CHANGED. Each path is written out in full, once.
import { api, blob } from './http'

/** A bureau on the page that offers the choice (`/`). */
export interface BureauSummary { code: string; name: string; shortName: string }

/** ACC-4: lengths, and how many of digits, upper-case, lower-case and special characters a password needs (1–4). */
export interface PasswordRule { minLength: number; maxLength: number; requiredClasses: number }

/** The texts a bureau publishes, each in versions (a consent names the version the candidate saw). */
export type TextKind = 'candidate-notice' | 'privacy-policy' | 'service-agreement' | 'integrity-pledge'
  | 'city-contacts' | 'poverty-relief-plan' | 'user-manual'
export interface TextVersion { kind: TextKind; title: string; version: string }
/** A text: plain, its paragraphs separated by blank lines. */
export interface BureauText extends TextVersion { text: string }

/** The bureau of this page's address: what its pages show (title, header, footer) and the rules its forms follow. */
export interface Bureau {
  code: string; name: string; shortName: string; hotline: string; serviceHours: string; icp: string
  registrationGate: 'ROSTER' | 'OPEN'; password: PasswordRule; loginNeedsSms: boolean
  registrationExamCode: string; registrationExamName: string; texts: TextVersion[]
}

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
  concurrentApplication: boolean | null; concurrentApplicationName: string | null; concurrentMajor: string | null
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
export interface Province { code: string; name: string; cities: DictionaryEntry[] }

/** The exam's current 报考承诺; its version is what the candidate accepts. */
export interface Pledge { examCode: string; version: number; text: string }

/** One subject group open to the candidate's junior-college major (step 4). */
export interface SubjectGroup { code: string; subjectNames: string; scope: ScopeMajor[]; scopeNames: string }

/** 信息预览 (ENR-7): the completed enrollment as the manual groups it, and what may still be amended. */
export interface Preview {
  id: string; version: number; notice: string; candidate: CandidateView | null; personalInfo: PersonalInfoView | null
  identityStatusName: string; subjects: ExamChoiceView | null; editableFields: string[]; amendmentOpen: boolean
}

/** Step 3's answers (codes of the dictionaries). */
export interface PersonalInfoRequest {
  politicalStatus: string; ethnicity: string; foreignLanguage: string; mailingAddress: string; postcode: string
  email: string; householdProvince: string; householdCity: string; candidateCategory: string
}

/** Step 4's answers; subjectGroup only when the candidate sits an exam, concurrentApplication only for 3+2. */
export interface ExamChoiceRequest {
  examLocation: string | null
  subjectGroup?: string | null
  concurrentApplication?: boolean
  /** 兼报对应的专业: required when concurrentApplication is true (seed 000 §2.4) */
  concurrentMajor?: string | null
}

/** One enrollment: read (GET) and amended (PATCH). */
function enrollmentPath(id: string): string {
  return `/api/enrollments/${id}`
}

/** The version for optimistic locking, both ways the API takes it. */
function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` }
}

/** Every bureau of the platform, for the choice at `/`. */
export function bureaus(): Promise<BureauSummary[]> {
  return api<BureauSummary[]>('/api/enrollments/public/bureaus', { auth: false })
}

/** The bureau this page is addressed to (at `/`: the default bureau); 404 BUREAU_NOT_FOUND for an unknown prefix. */
export function bureau(): Promise<Bureau> {
  return api<Bureau>('/api/enrollments/public/bureau', { auth: false })
}

/** The current version of one of the bureau's texts (考生须知, 隐私政策, 服务协议); 404 TEXT_NOT_FOUND. */
export function bureauText(kind: TextKind): Promise<BureauText> {
  return api<BureauText>(`/api/enrollments/public/bureau/texts/${kind}`, { auth: false })
}

export function exams(): Promise<ExamSummary[]> {
  return api<ExamSummary[]>('/api/enrollments/public/exams', { auth: false })
}

export function pledge(examCode: string): Promise<Pledge> {
  return api<Pledge>(`/api/enrollments/public/exams/${examCode}/pledge`, { auth: false })
}

export function examLocations(examCode: string): Promise<DictionaryEntry[]> {
  return api<DictionaryEntry[]>(`/api/enrollments/public/exams/${examCode}/locations`, { auth: false })
}

/** The subject groups of the exam's catalogue open to a junior-college major. */
export function subjectGroups(examCode: string, majorCode: string): Promise<{ groups: SubjectGroup[] }> {
  return api<{ groups: SubjectGroup[] }>(`/api/enrollments/public/exams/${examCode}/catalogue/majors/${majorCode}`,
    { auth: false })
}

export function myEnrollments(): Promise<Enrollment[]> {
  return api<Enrollment[]>('/api/enrollments/mine')
}

export function enrollment(id: string): Promise<Enrollment> {
  return api<Enrollment>(enrollmentPath(id))
}

/** Step 1: accepts the pledge and starts the enrollment (PROFILE_NOT_READY until the roster's data arrived). */
export function startEnrollment(examCode: string, pledgeVersion: number,
  track: 'UNIFIED' | 'VETERAN_EXEMPTION' = 'UNIFIED'): Promise<Enrollment> {
  return api<Enrollment>(`/api/enrollments/exams/${examCode}/enrollment`, {
    method: 'POST',
    body: { accepted: true, pledgeVersion, track },
  })
}

export function savePersonalInfo(id: string, version: number, answers: PersonalInfoRequest): Promise<Enrollment> {
  return api<Enrollment>(`/api/enrollments/${id}/personal-info`, {
    method: 'PUT', headers: ifMatch(version), body: { version, ...answers },
  })
}

export function saveExamChoice(id: string, version: number, answers: ExamChoiceRequest): Promise<Enrollment> {
  return api<Enrollment>(`/api/enrollments/${id}/exam-choice`, {
    method: 'PUT', headers: ifMatch(version), body: { version, ...answers },
  })
}

/** Step 5 (ENR-5): after it, household, location and subjects can no longer change. */
export function confirm(id: string, version: number): Promise<Enrollment> {
  return api<Enrollment>(`/api/enrollments/${id}/confirmation`, {
    method: 'POST', headers: ifMatch(version), body: { version },
  })
}

export function preview(id: string): Promise<Preview> {
  return api<Preview>(`/api/enrollments/${id}/preview`)
}

/** 下载报名信息表: the completed enrollment as 信息预览 shows it, with the photo, as a PDF (the candidate's own only). */
export function registrationForm(id: string): Promise<Blob> {
  return blob(`/api/enrollments/${id}/registration-form.pdf`)
}

/** 修改部分报名信息: only the changed fields of the completed enrollment's editableFields. */
export function amend(id: string, version: number, changes: Record<string, string>): Promise<Enrollment> {
  return api<Enrollment>(enrollmentPath(id), {
    method: 'PATCH', headers: ifMatch(version), body: { version, ...changes },
  })
}

/** Dictionaries are the same for everybody: loaded once per page (again after a failure). */
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

let regions: Promise<Province[]> | null = null
export function regionList(): Promise<Province[]> {
  regions ??= api<{ provinces: Province[] }>('/api/enrollments/public/dictionaries/regions', { auth: false })
    .then((r) => r.provinces)
  regions.catch(() => (regions = null))
  return regions
}

/** A 主考学校 of a 自考 sitting's course plan and its majors; `special` marks 特殊专业 (中药学, 护理学: manual review). */
export interface CatalogueMajor { code: string; name: string; special: boolean }
export interface CatalogueUniversity { code: string; name: string; notice: string | null; majors: CatalogueMajor[] }

/** One 主考学校 the candidate holds (ENR-8), with its one major; admissionNumber null: 准考证号 待生成. */
export interface UniversityRegistration {
  universityCode: string; universityName: string | null; majorCode: string; majorName: string | null
  specialMajor: boolean; admissionNumber: string | null; registeredAt: string
  origin: 'REGISTRATION' | 'IMPORT' | 'ADDED'; originName: string; notice: string | null
}

/** The candidate's universities, in the order taken up, read against the bureau's current sitting. */
export interface HeldUniversities {
  examCode: string; examName: string; registrationOpen: boolean; registrations: UniversityRegistration[]
}

/** The 主考学校 of a 自考 sitting, for 报考其他学校 (404 CATALOGUE_NOT_CONFIGURED before the plan exists). */
export function catalogueUniversities(examCode: string): Promise<CatalogueUniversity[]> {
  return api<CatalogueUniversity[]>(`/api/enrollments/public/exams/${examCode}/catalogue/universities`,
    { auth: false })
}

/** The candidate's universities: read (GET) and one added (POST). */
const SELF_STUDY_UNIVERSITIES = '/api/enrollments/self-study/universities'

/** 报名信息 (ENR-8): empty while the registration is on its way; 404 NOT_SELF_STUDY at a bureau without 自考. */
export function myUniversities(): Promise<HeldUniversities> {
  return api<HeldUniversities>(SELF_STUDY_UNIVERSITIES)
}

/** 报考其他学校: 409 UNIVERSITY_ALREADY_HELD for a university held (one major each, never changed). */
export function addUniversity(universityCode: string, majorCode: string): Promise<UniversityRegistration> {
  return api<UniversityRegistration>(SELF_STUDY_UNIVERSITIES, { body: { universityCode, majorCode } })
}
