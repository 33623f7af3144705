// Reads a QR code as a phone would: the PNG a page shows (its bytes), decoded with jsQR (pure JavaScript, no native
// parts). The public payment platform's QR code is the URL of its phone page.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** The text of the QR code in a PNG image; fails when there is none. */
export function decodeQr(pngBytes) {
  const image = PNG.sync.read(Buffer.from(pngBytes))
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width, image.height)
  if (!code?.data) throw new Error(`no QR code found in the ${image.width}×${image.height} image`)
  return code.data
}
