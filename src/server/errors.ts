// The API's errors: one JSON shape, {"error": {"code", "message"}}, the message naming what was wrong.
export type ErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "too_many_requests";
type Status = 400 | 401 | 403 | 404 | 409 | 413 | 429;

const STATUS: Record<ErrorCode, Status> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
};

export class ApiError extends Error {
  readonly status: Status;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** sent with the error (e.g. Retry-After) */
    readonly headers: Readonly<Record<string, string>> = {},
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
