// Uploading a candidate's photo from this device (PHO-2), as the Shandong 采集个人照片 step and the Shanghai 上传照片
// page both do it: the file goes to photo-service, whose quality check answers at once (a refusal carries its Chinese
// reason); an accepted upload is shown from photo-service's normalized copy (turned upright, EXIF dropped) until the
// page submits it. A refused file loses nothing else: the reason stays until another file is chosen.
import { computed, onBeforeUnmount, ref } from 'vue'
import { ApiError } from '../api/http'
import { type PhotoView, photoImage, uploadPhoto } from '../api/photos'

export function usePhotoUpload() {
  const file = ref<File | null>(null)
  const uploaded = ref<PhotoView | null>(null)
  const previewUrl = ref('')
  const uploading = ref(false)
  const error = ref('')

  function revoke() {
    if (previewUrl.value) URL.revokeObjectURL(previewUrl.value)
    previewUrl.value = ''
  }

  /** A new file chosen: what was uploaded before is forgotten. */
  function choose(picked: File | null) {
    file.value = picked
    uploaded.value = null
    error.value = ''
    revoke()
  }

  /** Uploads the chosen file; answers the accepted photo, or null with `error` saying why it was refused. */
  async function upload(): Promise<PhotoView | null> {
    if (!file.value || uploading.value) return null
    uploading.value = true
    error.value = ''
    try {
      const photo = await uploadPhoto(file.value)
      uploaded.value = photo
      revoke()
      previewUrl.value = URL.createObjectURL(await photoImage(photo.id))
      return photo
    } catch (e) {
      uploaded.value = null
      error.value = e instanceof ApiError ? e.message : '系统繁忙，请稍后再试'
      // another file is needed: the same one would be refused again
      file.value = null
      return null
    } finally {
      uploading.value = false
    }
  }

  /** Back to nothing chosen (after a submission, or 重新选择). */
  function reset() {
    choose(null)
  }

  onBeforeUnmount(revoke)

  return { file, uploaded, previewUrl, uploading, error, ready: computed(() => !!uploaded.value), choose, upload, reset }
}
