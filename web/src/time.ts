// Times as every page shows them: Beijing time whatever the browser's zone, in Chinese.

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant in Beijing time as a candidate reads it: 2026年9月1日 14:05. */
export function dateTime(instant: string | null | undefined): string {
  if (!instant) return ''
  const part = Object.fromEntries(BEIJING.formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  return `${part.year}年${part.month}月${part.day}日 ${part.hour}:${part.minute}`
}
