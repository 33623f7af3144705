// The operator's login (OPS-3): Keycloak's own page, authorization code + PKCE (S256) through keycloak-js, with the
// console's public client — no secret in the browser. The tokens stay in this page's memory (keycloak-js), renewed
// before they expire; 退出登录 ends the Keycloak session too. The services check every role and scope again: what
// this file knows only decides which desks the menu shows.
import Keycloak from 'keycloak-js'
import { reactive, readonly } from 'vue'
import { consoleSettings } from './api/settings'

/** The realm roles of the console's desks (libs/domain OperatorRole). */
export type OperatorRole = 'bureau-admin' | 'city-operator' | 'university-reviewer' | 'finance' | 'auditor'

export const ROLE_NAMES: Record<OperatorRole, string> = {
  'bureau-admin': '考试院管理员',
  'city-operator': '地市工作人员',
  'university-reviewer': '主考学校审核员',
  finance: '财务人员',
  auditor: '审计员',
}

export interface OperatorInfo {
  username: string
  name: string
  /** the bureau the operator works for (user attribute bureau); every console call goes to its address */
  bureau: string
  roles: OperatorRole[]
  city: string | null
  university: string | null
}

const state = reactive<{ operator: OperatorInfo | null }>({ operator: null })

/** Who is logged in; null until the login finished. */
export const auth = readonly(state)

let keycloak: Keycloak | null = null

/** Sends the operator to Keycloak's login page unless they are logged in; resolves once they are. */
export async function logIn(): Promise<OperatorInfo> {
  const settings = await consoleSettings()
  keycloak = new Keycloak({ url: settings.keycloakUrl, realm: settings.realm, clientId: settings.clientId })
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false })
  state.operator = operatorOf(keycloak.tokenParsed ?? {})
  return state.operator
}

/** A current access token for a call: renewed when it has less than 30 s left; a lost session logs in again. */
export async function accessToken(): Promise<string> {
  if (!keycloak) throw new Error('not logged in')
  try {
    await keycloak.updateToken(30)
  } catch {
    await keycloak.login()
  }
  return keycloak.token ?? ''
}

/** Ends the Keycloak session and comes back to the console's login. */
export async function logOut(): Promise<void> {
  await keycloak?.logout({ redirectUri: `${window.location.origin}/console/` })
}

export function hasAnyRole(...roles: OperatorRole[]): boolean {
  return !!state.operator && roles.some((role) => state.operator!.roles.includes(role))
}

function operatorOf(token: Record<string, any>): OperatorInfo {
  const realmRoles: string[] = token.realm_access?.roles ?? []
  return {
    username: token.preferred_username ?? '',
    name: token.name ?? token.preferred_username ?? '',
    bureau: token.bureau ?? '',
    roles: realmRoles.filter((role): role is OperatorRole => role in ROLE_NAMES),
    city: token.city ?? null,
    university: token.university ?? null,
  }
}
