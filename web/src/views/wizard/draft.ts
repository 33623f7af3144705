// A step's answers chosen but not yet saved, kept for this tab (sessionStorage, gone when the tab closes) so that
// 上一步 and back again does not lose them (issue 22: the exam location was lost). Saving the step drops its draft:
// from then on the enrollment the server answers is the truth. Only answers that say nothing about the person
// (a location, a subject group) are kept this way, never personal details.
import { watch } from 'vue'

function keyOf(enrollmentId: string, step: string) {
  return `baokao.draft.${enrollmentId}.${step}`
}

/** Restores `form`'s fields from the step's draft, if any, keeps the draft as `form` changes; answers `clear`. */
export function useStepDraft<T extends Record<string, unknown>>(enrollmentId: string, step: string, form: T) {
  const key = keyOf(enrollmentId, step)
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<T> | null
    if (saved) {
      for (const field of Object.keys(form) as (keyof T)[]) {
        if (field in saved && typeof saved[field] === typeof form[field]) form[field] = saved[field] as T[keyof T]
      }
    }
  } catch {
    sessionStorage.removeItem(key) // unreadable: start from the enrollment's answers
  }
  const stop = watch(form, () => sessionStorage.setItem(key, JSON.stringify(form)), { deep: true })
  return {
    clear() {
      stop()
      sessionStorage.removeItem(key)
    },
  }
}
