// The Candidates desk's words: ID types, search choices and the statuses the other services answer, in Chinese.

export const ID_TYPES: { code: string; name: string }[] = [
  { code: 'RESIDENT_ID', name: '居民身份证' },
  { code: 'HMT_RESIDENCE_PERMIT', name: '港澳台居民居住证' },
  { code: 'HMT_TRAVEL_PERMIT', name: '港澳台胞证' },
  { code: 'FOREIGN_PERMANENT_RESIDENT', name: '外国人永久居留身份证' },
  { code: 'PASSPORT', name: '护照' },
]

export const SEARCH_BY: { value: 'ID_NUMBER' | 'PHONE' | 'ADMISSION_NUMBER' | 'NAME'; label: string; hint: string }[] = [
  { value: 'ID_NUMBER', label: '证件号码', hint: '请输入完整的证件号码' },
  { value: 'PHONE', label: '手机号', hint: '请输入完整的11位手机号' },
  { value: 'ADMISSION_NUMBER', label: '准考证号', hint: '请输入完整的准考证号' },
  { value: 'NAME', label: '姓名', hint: '请输入完整的姓名' },
]

const STATUSES: Record<string, string> = {
  COLLECTING: '收集材料中', OPEN: '待审核',
  PLEDGE_ACCEPTED: '已签承诺书', PHOTO_DONE: '已上传照片', PERSONAL_INFO_SAVED: '已填个人信息',
  EXAM_CHOICE_SAVED: '已选报考信息', CONFIRMED: '已确认待缴费', COMPLETED: '报名完成',
  PHOTO_REQUIRED: '待上传照片', CHECKING: '核验中', APPROVED: '已通过', PROOFS_REQUIRED: '待上传证明材料',
  IN_REVIEW: '人工审核中', REJECTED: '未通过',
  CREATED: '待支付', PENDING: '待支付', PAYING: '支付中', PAID: '已支付', EXPIRED: '已过期', CLOSED: '已关闭',
  REFUNDED: '已退费', REFUNDING: '退费中', CANCELLED: '已取消',
  SENT: '已发送', DELIVERED: '已送达', FAILED: '发送失败', QUEUED: '待发送',
  UNIFIED: '统一考试', VETERAN_EXEMPTION: '退役士兵免试',
}

export function statusName(code: string | null | undefined): string {
  if (!code) return ''
  return STATUSES[code] ?? code
}

/** Money in fen as 元 with two decimals. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : `${(fen / 100).toFixed(2)} 元`
}
