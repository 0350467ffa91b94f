/** The API's version, as the OpenAPI document and 004's health answer name it. */
export const API_VERSION = '1.0.0';
