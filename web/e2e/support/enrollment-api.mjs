// A demo candidate's enrollment in the demo exam made through the API, as the system tests do: on the roster,
// registered, logged in, pledge, photo (checked and compared by the sandbox identity provider), personal
// information, exam choice, confirmation. For browser tests whose subject comes after it (payments, webhooks).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_EXAM, GATEWAY, loginViaApi, newCandidate, putOnRoster, registerViaApi, sleep } from './stack.mjs'

const PORTRAIT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'portrait.jpg')

/** The body of a 2xx answer (null when empty); anything else fails with `what`, the status and the body. */
export async function ok(response, what) {
  const text = await response.text()
  assert.ok(response.ok, `${what}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/**
 * A new candidate named `name` whose enrollment is confirmed (EnrollmentConfirmed published, the order opens).
 * Answers the enrollment's id, `api(path, method, body, headers)`: the candidate's calls at `/sd` through the
 * gateway, the login's `tokens` (its refresh token for a browser's session cookie) and the `candidate`.
 */
export async function confirmedEnrollment(name, { mailingAddress, postcode, email }) {
  const candidate = newCandidate()
  await putOnRoster([candidate], () => name)
  await registerViaApi(candidate)
  const tokens = await loginViaApi(candidate)
  const token = tokens.access_token
  const api = (path, method = 'GET', body, headers = {}) => fetch(`${GATEWAY}/sd${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const pledge = await ok(await fetch(`${GATEWAY}/sd/api/enrollments/public/exams/${DEMO_EXAM}/pledge`), 'pledge')
  let enrollment
  for (let i = 0; ; i++) {
    const started = await api(`/api/enrollments/exams/${DEMO_EXAM}/enrollment`, 'POST',
      { accepted: true, pledgeVersion: pledge.version })
    if (started.ok) {
      enrollment = await started.json()
      break
    }
    // the roster reaches enrollment-service through Kafka: its profile may not be there yet
    const problem = await started.json().catch(() => ({}))
    assert.ok(problem.code === 'PROFILE_NOT_READY' && i < 100, `报考承诺: ${started.status} ${JSON.stringify(problem)}`)
    await sleep(300)
  }
  const form = new FormData()
  form.append('photo', new Blob([readFileSync(PORTRAIT)], { type: 'image/jpeg' }), 'me.jpg')
  const photo = await ok(await fetch(`${GATEWAY}/sd/api/photos`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form,
  }), 'photo upload')
  await ok(await api(`/api/photos/${photo.id}/submit`, 'POST'), 'photo submit')
  let view
  for (let i = 0; i < 150; i++) {
    view = await ok(await api(`/api/enrollments/${enrollment.id}`), 'enrollment')
    if (view.identityStatus === 'PASSED') break
    await sleep(300)
  }
  assert.equal(view.identityStatus, 'PASSED', `identity check: ${JSON.stringify(view)}`)
  view = await ok(await api(`/api/enrollments/${enrollment.id}/personal-info`, 'PUT', {
    version: view.version, politicalStatus: '01', ethnicity: '01', foreignLanguage: '1', mailingAddress, postcode,
    email, householdProvince: '110000', householdCity: '110105', candidateCategory: '1',
  }), '填写个人信息')
  view = await ok(await api(`/api/enrollments/${enrollment.id}/exam-choice`, 'PUT',
    { version: view.version, examLocation: '3701', subjectGroup: 'MED-TECH' }), '选择考试地点和科目组')
  await ok(await api(`/api/enrollments/${enrollment.id}/confirmation`, 'POST', { version: view.version }), '确认报名信息')
  return { enrollmentId: enrollment.id, api, tokens, candidate }
}
