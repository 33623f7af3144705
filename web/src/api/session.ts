// The candidate's tokens, kept for this browser tab only (sessionStorage): closing the tab ends the session on
// this computer, as the manual asks of a shared 网吧 computer. Only the API modules store or read the tokens
// (http.ts sends and renews them, accounts.ts logs in and out); pages read `state`.
// A session belongs to one bureau (BUR-1): the keys carry the bureau of the page, so a tab that logged in at /sh/
// sends nothing on /sd/ (an account at one bureau is no account at another).
import { reactive } from 'vue'
import { address } from '../address'

const SCOPE = `baokao.${address.bureau ?? 'none'}`
const ACCESS = `${SCOPE}.access`
const REFRESH = `${SCOPE}.refresh`
// ACC-9: an imported candidate's first login is not finished until the password is changed and the phone verified
const FIRST_LOGIN = `${SCOPE}.firstLogin`

/** The answer of a login and of a token refresh (account-service, OAuth2 names). */
export interface TokenAnswer {
  access_token: string
  refresh_token: string
  expires_in: number
  mustChangePassword?: boolean
  mustVerifyPhone?: boolean
}

const state = reactive({
  loggedIn: !!sessionStorage.getItem(ACCESS),
  firstLoginPending: !!sessionStorage.getItem(FIRST_LOGIN),
})

export const session = {
  state,
  accessToken: () => sessionStorage.getItem(ACCESS),
  refreshToken: () => sessionStorage.getItem(REFRESH),
  store(tokens: TokenAnswer) {
    sessionStorage.setItem(ACCESS, tokens.access_token)
    sessionStorage.setItem(REFRESH, tokens.refresh_token)
    state.loggedIn = true
    if (tokens.mustChangePassword || tokens.mustVerifyPhone) {
      sessionStorage.setItem(FIRST_LOGIN, '1')
      state.firstLoginPending = true
    }
  },
  finishFirstLogin() {
    sessionStorage.removeItem(FIRST_LOGIN)
    state.firstLoginPending = false
  },
  clear() {
    sessionStorage.removeItem(ACCESS)
    sessionStorage.removeItem(REFRESH)
    sessionStorage.removeItem(FIRST_LOGIN)
    state.loggedIn = false
    state.firstLoginPending = false
  },
}
