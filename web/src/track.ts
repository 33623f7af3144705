// The two ways into a Shandong 专升本 exam (seed 000 §1.1, ENR-6): 全省统一考试专升本 and 退役大学生士兵免试专升本.
// The entry page records the candidate's choice for this tab; the wizard then shows (or starts) the enrollment of
// that track. Without a choice (an old bookmark, a login straight at /login) the wizard keeps what it did before.
export type Track = 'UNIFIED' | 'VETERAN_EXEMPTION'

export const TRACKS: readonly { track: Track; title: string; hint: string }[] = [
  { track: 'UNIFIED', title: '全省统一考试专升本', hint: '参加全省统一考试的专科毕业生报名' },
  { track: 'VETERAN_EXEMPTION', title: '退役大学生士兵免试专升本', hint: '考生类型为退役士兵的考生报名，免于参加统一考试' },
]

const KEY = 'baokao.track'

export function trackTitle(track: string | null | undefined): string {
  return TRACKS.find((t) => t.track === track)?.title ?? ''
}

/** The track chosen on the entry page in this tab, or null when none was. */
export function chosenTrack(): Track | null {
  const saved = sessionStorage.getItem(KEY)
  return TRACKS.some((t) => t.track === saved) ? (saved as Track) : null
}

export function chooseTrack(track: Track) {
  sessionStorage.setItem(KEY, track)
}
