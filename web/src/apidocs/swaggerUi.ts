// Swagger UI (npm swagger-ui-dist, bundled: nothing is fetched from elsewhere) showing an OpenAPI document, API-1:
// the partners' page (/open-api/v1/docs) and the console's 接口文档 desk. It is large (~1.5 MB), so it is loaded only
// when a document is shown, in a chunk of its own: the console's and the candidates' main chunks do not carry it.

export interface ShowOptions {
  /** the callers may try the operations from the page (the partners' sandbox); the console only reads */
  tryItOut: boolean
  /** called with the document once it is shown */
  onShown?: (document: any) => void
}

/** Renders `source` (a document's address, or the document itself) into `element`, replacing what was there. */
export async function showDocument(element: HTMLElement, source: { url: string } | { spec: object },
  options: ShowOptions): Promise<void> {
  const [{ default: SwaggerUIBundle }] = await Promise.all([
    import('swagger-ui-dist/swagger-ui-es-bundle.js'),
    import('swagger-ui-dist/swagger-ui.css'),
    import('./swagger-contrast.css'),
  ])
  // a fresh node each time: Swagger UI keeps its own rendering inside the one it is given
  const node = document.createElement('div')
  node.className = 'bk-swagger'
  element.replaceChildren(node)
  keepAccessible(node)
  let ui: any = null
  ui = SwaggerUIBundle({
    domNode: node,
    ...source,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    // the public validator badge would call a third-party server with the document
    validatorUrl: null,
    supportedSubmitMethods: options.tryItOut ? ['get', 'put', 'post', 'delete', 'patch'] : [],
    // given a document rather than its address, Swagger UI may finish before it has returned
    onComplete: () => setTimeout(() => options.onShown?.(ui?.specSelectors.specJson().toJS())),
  })
}

/**
 * What Swagger UI renders without, added as it renders (axe-core, docs/WEB.md "Accessibility check"): its servers
 * list has no label, and its scrolling code blocks (curl, responses) cannot be reached with the keyboard.
 */
function keepAccessible(node: HTMLElement) {
  const fix = () => {
    for (const select of node.querySelectorAll<HTMLSelectElement>('select#servers:not([aria-label])')) {
      select.setAttribute('aria-label', '服务器地址')
    }
    for (const block of node.querySelectorAll<HTMLElement>('.curl, .microlight, .highlight-code > pre')) {
      if (!block.hasAttribute('tabindex')) block.tabIndex = 0
    }
  }
  new MutationObserver(fix).observe(node, { childList: true, subtree: true })
}
