// What the console needs before anyone has logged in: where Keycloak is (the gateway answers it, so one build of the
// console works wherever it is deployed).
export interface ConsoleSettings { keycloakUrl: string; realm: string; clientId: string }

export async function consoleSettings(): Promise<ConsoleSettings> {
  const response = await fetch('/console-settings.json', { headers: { Accept: 'application/json' } })
  if (!response.ok) throw new Error(`console settings: HTTP ${response.status}`)
  return response.json()
}
