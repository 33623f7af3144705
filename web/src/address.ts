// Which bureau (考试院, BUR-1) this page belongs to: the first segment of its address. A candidate reaches a bureau by
// its prefix (/sd/..., /sh/...); the page, its router and every API call it makes stay under that prefix, and `/`
// offers the choice. One built UI serves them all: it reads the bureau from the address, never from the build.

/** A bureau code as the platform writes it (libs/web-common BureauAddress.CODE): 2 to 8 lower-case letters. */
const BUREAU_CODE = /^[a-z]{2,8}$/

/**
 * The first segments of the UI's pages (router.ts) as they were before bureaus. Some look like bureau codes, so no
 * bureau may be called so; an address starting with one (a bookmark, the bank sending the candidate back to
 * /wizard/payment) is opened under the default bureau.
 */
const PAGES_BEFORE_BUREAUS = new Set(['login', 'register', 'forgot-password', 'change-password', 'first-login',
  'wizard', 'capture'])

export interface Address {
  /** the bureau of the address; null at the root (the choice) and on an address from before bureaus */
  bureau: string | null
  /** an address of a page from before bureaus, to be opened under the default bureau */
  beforeBureaus: boolean
}

export function addressOf(pathname: string): Address {
  const first = pathname.split('/')[1] ?? ''
  if (PAGES_BEFORE_BUREAUS.has(first)) {
    return { bureau: null, beforeBureaus: true }
  }
  return { bureau: BUREAU_CODE.test(first) ? first : null, beforeBureaus: false }
}

/** This page's address. */
export const address: Address = addressOf(window.location.pathname)

/** Where the pages of a bureau live: the router's base and the API's prefix. */
export function bureauHome(code: string): string {
  return `/${code}/`
}
