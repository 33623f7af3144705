// Part of `npm run build`: Chinese text uses full-width punctuation (，：；？！（）), never the ASCII marks a
// keyboard left in English mode types (issue 22: 半角逗号 in Chinese sentences). Looks at what a user reads: the
// .vue templates and the string literals of .vue scripts and .ts files, not comments or styles. Fails the build
// naming each place; a mark that must stay ASCII (e.g. it is part of a code) goes in ALLOWED with why.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('./src/', import.meta.url).pathname
const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef'
// an ASCII , : ; ? ! ( ) touching a Chinese character (or full-width mark) on either side
const MIXED = new RegExp(`[${CJK}][,:;?!()]|[,:;?!()][${CJK}]`, 'u')

/** Exact snippets allowed to mix, each with the reason. */
const ALLOWED = new Map([
  // a regular expression that accepts both commas an operator may type between categories
  ['split(/[,，\\s]+/)', 'ExamEditView: the separators a list of categories may be typed with'],
])

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return files(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

/** The text a user may read, comments and styles blanked out (line numbers kept). */
function readable(source, vue) {
  const blank = (match) => match.replace(/[^\n]/g, ' ')
  let text = source
  if (vue) text = text.replace(/<style[\s\S]*?<\/style>/g, blank).replace(/<!--[\s\S]*?-->/g, blank)
  text = text.replace(/\/\*[\s\S]*?\*\//g, blank)
  // a line comment: // at a line's start or after whitespace or code, not inside a URL (http://)
  text = text.replace(/(^|[\s;{}),])\/\/.*$/gm, (match, before) => before + blank(match.slice(before.length)))
  return text
}

const problems = []
for (const file of files(root)) {
  const name = relative(root, file)
  readable(readFileSync(file, 'utf8'), file.endsWith('.vue')).split('\n').forEach((line, i) => {
    const hit = MIXED.exec(line)
    if (!hit) return
    if ([...ALLOWED.keys()].some((snippet) => line.includes(snippet))) return
    problems.push(`src/${name}:${i + 1}: "${hit[0]}" in ${line.trim().slice(0, 100)}`)
  })
}

if (problems.length) {
  console.error(`check-punctuation: ASCII punctuation next to Chinese text; use ，：；？！（） (full-width):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
