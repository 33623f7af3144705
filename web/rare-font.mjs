// Part of `npm run build`: writes src/fonts/rare-han/ (git-ignored), the fallback face for rare characters in
// names (CJK Extension B-F, e.g. 𠮷), which main.ts and the console import. The slices are cut by rare-font.py from
// Debian's fonts-hanazono (./baokao installs it with python3-fonttools and python3-brotli) once per font file and
// script, then taken from node_modules/.cache. Without the font the build goes on with an empty stylesheet and says
// so: names then show the browser's own fallback (often a blank box), as before.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const FONT = process.env.BAOKAO_RARE_FONT ?? '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf'
const PYTHON = '/usr/bin/python3' // Debian's, which has python3-fonttools (a pyenv python on PATH may not)
const out = join(here, 'src', 'fonts', 'rare-han')

function empty(reason) {
  console.warn(`rare-font: ${reason}; building without the fallback face for rare characters (𠮷 shows as a box)`)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'rare-han.css'), `/* no rare-character face: ${reason} */\n`)
}

if (!existsSync(FONT)) {
  empty(`${FONT} is missing (apt-get install fonts-hanazono)`)
} else {
  const script = join(here, 'rare-font.py')
  // the font's size and time stand for its bytes (30 MB): a new package version changes them
  const { size, mtimeMs } = statSync(FONT)
  const key = createHash('sha256').update(readFileSync(script)).update(`${FONT}:${size}:${mtimeMs}`).digest('hex')
    .slice(0, 16)
  const cache = join(here, 'node_modules', '.cache', 'rare-han', key)
  if (!existsSync(join(cache, 'rare-han.css'))) {
    const building = `${cache}.building-${process.pid}`
    rmSync(building, { recursive: true, force: true })
    const run = spawnSync(PYTHON, [script, FONT, building], { stdio: 'inherit' })
    if (run.status !== 0) {
      rmSync(building, { recursive: true, force: true })
      empty(`rare-font.py failed (python3-fonttools and python3-brotli installed?)`)
      process.exit(0)
    }
    rmSync(cache, { recursive: true, force: true })
    renameSync(building, cache)
  }
  rmSync(out, { recursive: true, force: true })
  mkdirSync(dirname(out), { recursive: true })
  cpSync(cache, out, { recursive: true })
}
