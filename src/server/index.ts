// The web server: the API and the built web app.
export { createApp, SECURITY_HEADERS, type AppOptions } from "./app.js";
export { serve, type ServeOptions, type RunningServer } from "./serve.js";
export { OPENAPI } from "./openapi.js";
