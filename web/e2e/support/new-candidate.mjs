#!/usr/bin/env node
// For developing the UI against the running stack (./baokao up):
//   node e2e/support/new-candidate.mjs            a fresh candidate on the demo roster (JSON)
//   node e2e/support/new-candidate.mjs --register  … and registered through the API
//   node e2e/support/new-candidate.mjs --login     … registered, then logged in once the phone's SMS cooldown is over
//                                                  (ACC-6: the stack's, a minute on ./baokao up); prints tokens
import { loginViaApi, newCandidate, putOnRoster, registerViaApi } from './stack.mjs'

const candidate = newCandidate()
await putOnRoster([candidate])
const out = { ...candidate }
if (process.argv.includes('--register') || process.argv.includes('--login')) {
  await registerViaApi(candidate)
  out.registered = true
}
if (process.argv.includes('--login')) {
  out.tokens = await loginViaApi(candidate)
}
console.log(JSON.stringify(out, null, 2))
