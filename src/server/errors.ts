// The API's errors: one JSON shape, {"error": {"code", "message"}}, the message naming what was wrong.
export type ErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large";

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
};

export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const badRequest = (message: string) => new ApiError("bad_request", message);
export const notFound = (message: string) => new ApiError("not_found", message);

export function errorBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
