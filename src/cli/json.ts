/** The strict JSON parser every input goes through; it lives in the library (src/files/json-text.ts). */
export { JsonTextError, type JsonOrigin, parseJsonText } from "../files/json-text.js";
