// The bureau (考试院, BUR-1) of this page, loaded once: the title, header and footer name it, and the account forms
// follow its rules (login with or without an SMS code, the password rule). Until it has answered, a bureau's pages
// show nothing of their own; an unknown prefix is a page of its own (404), never another bureau's.
import { reactive, readonly } from 'vue'
import { address } from './address'
import { ApiError } from './api/http'
import { bureau as loadBureau, type Bureau, type PasswordRule } from './api/enrollment'

export type BureauStatus = 'none' | 'loading' | 'ready' | 'unknown' | 'failed'

const state = reactive<{ status: BureauStatus; info: Bureau | null; problem: string }>({
  status: address.bureau ? 'loading' : 'none',
  info: null,
  problem: '',
})

/** This page's bureau: `status` none at the root (the choice), else loading → ready | unknown | failed. */
export const bureauState = readonly(state)

/** Asks the API for this page's bureau (again after a failure); at the root there is none to ask for. */
export async function loadPageBureau(): Promise<void> {
  if (!address.bureau) return
  state.status = 'loading'
  state.problem = ''
  try {
    const answer = await loadBureau()
    if (!answer?.name || !answer.password) throw new ApiError(0, 'MALFORMED_ANSWER', '系统繁忙，请稍后再试')
    state.info = answer
    state.status = 'ready'
  } catch (error) {
    const notFound = error instanceof ApiError && error.status === 404
    state.status = notFound ? 'unknown' : 'failed'
    state.problem = error instanceof ApiError ? error.message : '系统繁忙，请稍后再试'
  }
}

/** Shandong's rule: what a page assumes only if it is shown before its bureau answered (it is not, see App.vue). */
const FALLBACK_PASSWORD: PasswordRule = { minLength: 8, maxLength: 16, requiredClasses: 4 }

/** The bureau's password rule (ACC-4), for the hints and the pages' own checks; the server checks again. */
export function passwordRule(): PasswordRule {
  return state.info?.password ?? FALLBACK_PASSWORD
}

/**
 * Where a logged-in candidate starts: at a bureau with open registration (Shanghai 自考) the 报名信息 page of their
 * 主考学校 (`/home`), elsewhere (Shandong 专升本) the wizard. Before the bureau has answered it cannot be told: `/home`,
 * which sends a candidate of any other bureau on to the wizard once it knows.
 */
export function candidateHome(): string {
  if (state.status !== 'ready') return '/home'
  return state.info?.registrationGate === 'OPEN' ? '/home' : '/wizard'
}
