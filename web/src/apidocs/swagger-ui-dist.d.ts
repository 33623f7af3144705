// swagger-ui-dist ships no types: the little of its API that swaggerUi.ts uses.
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  export interface SwaggerUiOptions {
    domNode: HTMLElement
    url?: string
    spec?: object
    [option: string]: unknown
  }
  const SwaggerUIBundle: (options: SwaggerUiOptions) => unknown
  export default SwaggerUIBundle
}
