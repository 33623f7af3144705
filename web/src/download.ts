// Saves a file the API answered (a receipt, a 确认单) under a Chinese name: the protected file is fetched with the
// token (api/http.ts `blob`), so a plain link cannot download it; an object URL and a temporary <a download> can.
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // the browser has started the download by now; the URL is kept a moment for slow ones
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
