// Part of `npm run build`: the UI calls its backend one way (docs/WEB.md "Calling the API"). Outside src/api no file
// may call fetch or write a backend path; inside, each path is written once (one function per call). Fails the build
// with the places to fix.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('./src/', import.meta.url).pathname
// the candidates' UI calls through src/api, the operator console through src/console/api; each writes a path once
const API_DIRS = ['api/', 'console/api/']
// a backend address in a string or template literal: '/api/…', "/open-api/…", `/api/${id}`
const PATH = /(['"`])(\/(?:api|open-api)\/[^'"`]*)\1/g
const RAW_CALL = /\bfetch\s*\(|\bXMLHttpRequest\b|\bnavigator\.sendBeacon\b/

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return files(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

const problems = []
const written = new Map()
for (const file of files(root)) {
  const name = relative(root, file)
  const apiDir = API_DIRS.find((dir) => name.startsWith(dir))
  const inApi = apiDir !== undefined
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const at = `src/${name}:${i + 1}`
    if (line.trim().startsWith('//') || line.trim().startsWith('*')) return // comments may name a path
    if (!inApi && RAW_CALL.test(line)) problems.push(`${at}: calls the network itself; use a function of src/api`)
    for (const [, , path] of line.matchAll(PATH)) {
      if (!inApi) problems.push(`${at}: writes the backend path ${path}; call the function of src/api that owns it`)
      else if (written.has(apiDir + path)) problems.push(`${at}: ${path} is already written at ${written.get(apiDir + path)}`)
      else written.set(apiDir + path, at)
    }
  })
}

if (problems.length) {
  console.error(`check-api: the UI calls its backend only through src/api and src/console/api (docs/WEB.md):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
