// The operator's bureau as the console's header names it (BUR-1: the bureau's own data, never a constant).
import { consoleApi } from './http'

export interface ConsoleBureau { code: string; name: string; shortName: string; registrationGate: 'ROSTER' | 'OPEN' }

export function operatorBureau(): Promise<ConsoleBureau> {
  return consoleApi<ConsoleBureau>('/api/enrollments/public/bureau')
}
