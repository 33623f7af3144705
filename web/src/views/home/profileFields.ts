// The 自考 个人信息 of 报名信息 (seed 004 §3(1)): which fields there are, in the form's order, their Chinese labels, which
// are starred (带星的为必选(填)项), and the dictionaries of the coded ones (民族, 政治面貌 as in the wizard; 文化程度,
// 职业 of 自考) with the names of their codes.
import { reactive } from 'vue'
import { dictionary, type DictionaryEntry } from '../../api/enrollment'
import {
  OPTIONAL_PROFILE_FIELDS, REQUIRED_PROFILE_FIELDS, type ProfileField, type SelfStudyProfile,
} from '../../api/selfStudy'

export interface FieldSpec {
  field: ProfileField
  label: string
  required: boolean
  /** the dictionary of a coded field (a drop-down), else a text field */
  dictionary?: string
  maxLength?: number
  placeholder?: string
}

const LABELS: Record<ProfileField, string> = {
  ethnicity: '民族', politicalStatus: '政治面貌', education: '文化程度', occupation: '职业',
  mailingAddress: '通讯地址', postcode: '邮政编码', employer: '工作单位', landline: '固定电话',
}

/** enrollment-service's dictionaries (GET /api/enrollments/public/dictionaries/{id}) by field. */
const DICTIONARIES: Partial<Record<ProfileField, string>> = {
  ethnicity: 'ethnicities', politicalStatus: 'political-statuses', education: 'educations',
  occupation: 'occupations',
}

const TEXT: Partial<Record<ProfileField, Pick<FieldSpec, 'maxLength' | 'placeholder'>>> = {
  mailingAddress: { maxLength: 100, placeholder: '请填写能收到邮件的详细地址' },
  postcode: { maxLength: 6, placeholder: '6位数字' },
  employer: { maxLength: 50, placeholder: '选填' },
  landline: { maxLength: 20, placeholder: '选填，如 021-12345678' },
}

export const PROFILE_FIELDS: FieldSpec[] = [
  ...REQUIRED_PROFILE_FIELDS.map((field) => ({ field, required: true })),
  ...OPTIONAL_PROFILE_FIELDS.map((field) => ({ field, required: false })),
].map(({ field, required }) => ({ field, required, label: LABELS[field], dictionary: DICTIONARIES[field], ...TEXT[field] }))

export function fieldLabel(field: string): string {
  return LABELS[field as ProfileField] ?? field
}

/** The dictionaries of the coded fields, loaded once per page; a list that cannot be loaded stays empty. */
export function useProfileDictionaries() {
  const lists = reactive<Partial<Record<ProfileField, DictionaryEntry[]>>>({})
  const failed = reactive({ any: false })

  async function load() {
    failed.any = false
    await Promise.all(Object.entries(DICTIONARIES).map(async ([field, id]) => {
      try {
        lists[field as ProfileField] = await dictionary(id)
      } catch {
        failed.any = true
      }
    }))
  }

  /** The value as the page shows it: the code's name (the server's, else the dictionary's), or the text. */
  function shown(profile: SelfStudyProfile | null, field: ProfileField): string {
    const value = profile?.fields?.[field]
    if (!value) return ''
    if (!DICTIONARIES[field]) return value
    return profile?.names?.[field] ?? lists[field]?.find((entry) => entry.code === value)?.name ?? value
  }

  return { lists, failed, load, shown }
}
