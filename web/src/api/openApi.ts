// The partners' OpenAPI document (API-1): public, served by the gateway from enrollment-service, read by Swagger UI
// on the partners' page (src/apidocs/partner.ts). Not under a bureau's address: partners are not candidates of one.

/** Where the partners' document is; Swagger UI fetches it itself. */
export const PARTNER_DOCUMENT_URL = '/open-api/v1/openapi.json'
