// The local stack's addresses as infra/stack/components.txt lists them (the one place ports are written): the
// defaults of the browser tests (e2e/support) and of `npm run dev`'s proxy. Read when first asked, so a build that
// never asks does not need the file.
import { readFileSync } from 'node:fs'

const TABLE = new URL('../infra/stack/components.txt', import.meta.url)

let ports = null

/** The first port of each component: name -> port. */
function portsByName() {
  ports ??= new Map(readFileSync(TABLE, 'utf8').split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((row) => {
      const [name, , portList] = row.split(/\s+/)
      return [name, Number(portList.split(',')[0])]
    }))
  return ports
}

/** http://localhost:PORT of a component of the local stack, e.g. componentUrl('gateway'). */
export function componentUrl(name) {
  const port = portsByName().get(name)
  if (!port) throw new Error(`no component ${name} in ${TABLE.pathname}`)
  return `http://localhost:${port}`
}
