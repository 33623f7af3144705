// The candidate's tokens, kept for this browser tab only (sessionStorage): closing the tab ends the session on
// this computer, as the manual asks of a shared 网吧 computer. Logout also revokes the refresh token server-side.
import { reactive } from 'vue'

const ACCESS = 'baokao.access'
const REFRESH = 'baokao.refresh'
// ACC-9: an imported candidate's first login is not finished until the password is changed and the phone verified
const FIRST_LOGIN = 'baokao.firstLogin'

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

let refreshing: Promise<boolean> | null = null

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
  /** one refresh at a time: the refresh token rotates, a second concurrent use would look like theft */
  refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const response = await fetch('/api/accounts/public/tokens/refresh', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken: session.refreshToken() }),
        })
        if (!response.ok) {
          session.clear()
          return false
        }
        session.store(await response.json())
        return true
      } catch {
        return false
      } finally {
        refreshing = null
      }
    })()
    return refreshing
  },
  async logout() {
    const refreshToken = session.refreshToken()
    if (refreshToken) {
      try {
        await fetch('/api/accounts/public/tokens/revoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        })
      } catch {
        // the tokens go from this tab anyway; the refresh token expires by itself
      }
    }
    session.clear()
  },
}
