// The partners' API page (/open-api/v1/docs, API-1): the Chinese introduction is in open-api-docs.html itself, and
// Swagger UI below it shows the partners' document, with 「Authorize」 (client credentials) and 「Try it out」.
import { PARTNER_DOCUMENT_URL } from '../api/openApi'
import { showDocument } from './swaggerUi'
import './partner.css'

const target = document.getElementById('swagger')!
// the example's addresses are this deployment's: the gateway the page came from, the token URL the document names
function fillExample(document_: any) {
  const tokenUrl = document_?.components?.securitySchemes?.['partner-oauth2']?.flows?.clientCredentials?.tokenUrl
  if (tokenUrl) document.getElementById('token-url')!.textContent = tokenUrl
  document.getElementById('gateway')!.textContent = window.location.origin
}

showDocument(target, { url: PARTNER_DOCUMENT_URL }, { tryItOut: true, onShown: fillExample }).catch(() => {
  target.textContent = '接口文档加载失败，请稍后刷新页面重试。'
})
