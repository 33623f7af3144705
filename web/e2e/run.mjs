// `npm run e2e`: every browser test file, one at a time, against the running stack. A file that fails is run once
// more and the run says so ("passed on the second run"): the stack is shared and busy (Kafka projections, banks'
// callbacks), and one slow moment should not hide the other files' results — but a second failure fails the run,
// and every retried file is named at the end so a flaky test is seen and fixed, not forgotten.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = process.env.E2E_DIR ?? dirname(fileURLToPath(import.meta.url))
const files = readdirSync(dir).filter((name) => name.endsWith('.test.mjs')).sort().map((name) => join(dir, name))

function run(file) {
  return spawnSync(process.execPath, ['--test', '--test-concurrency=1', file], { stdio: 'inherit' }).status === 0
}

const retried = []
const failed = []
for (const file of files) {
  if (run(file)) continue
  console.log(`\ne2e: ${file} failed; running it once more`)
  if (run(file)) retried.push(file)
  else failed.push(file)
}
for (const file of retried) console.log(`e2e: FLAKY — ${file} failed, then passed on the second run`)
for (const file of failed) console.log(`e2e: FAILED — ${file} failed twice`)
console.log(`e2e: ${files.length} files, ${failed.length} failed, ${retried.length} passed on the second run`)
process.exit(failed.length ? 1 : 0)
