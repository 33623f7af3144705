// Puts a server refusal next to the field it concerns. The platform's problem codes name their subject
// (ID_…, PASSWORD_…, SMS_CODE_…), so a form lists which prefixes belong to which of its fields; anything
// else is shown above the form.
import { reactive } from 'vue'
import { ApiError } from './http'

export type FieldRules = Record<string, string[]>

export function useFieldErrors(rules: FieldRules) {
  const errors = reactive<Record<string, string>>({})
  const state = reactive({ formError: '' })

  function clear() {
    Object.keys(errors).forEach((key) => delete errors[key])
    state.formError = ''
  }

  function show(error: unknown) {
    clear()
    if (!(error instanceof ApiError)) {
      state.formError = '系统繁忙，请稍后再试'
      return
    }
    for (const violation of error.violations) {
      errors[violation.field] = violation.message
    }
    if (error.violations.length) {
      return
    }
    const field = Object.entries(rules).find(([, codes]) =>
      codes.some((code) => (code.endsWith('*') ? error.code.startsWith(code.slice(0, -1)) : error.code === code)),
    )?.[0]
    if (field) {
      errors[field] = liveMessage(error)
    } else {
      state.formError = error.message
    }
  }

  return { errors, state, show, clear }
}

/**
 * A refusal's message as it stays next to its field. "请59秒后再试" would be wrong a second later: when the refusal says
 * when to try again (a 429 with Retry-After), 获取验证码 counts those seconds down live (SmsCodeButton), and the field
 * points to that countdown instead of repeating a number that goes stale.
 */
function liveMessage(error: ApiError): string {
  return error.code === 'TOO_FREQUENT' && error.retryAfterSeconds ? '获取过于频繁，请在按钮倒计时结束后重新获取' : error.message
}
