/**
 * The one table that turns an error code into an HTTP status for `POST /api/<method>`. Errors carry no
 * status of their own (a store error's `status` is the store's answer, which means something else).
 * Codes not listed are the caller's to fix: 400.
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  unknown_method: 404,
  internal_error: 500,
  invalid_settings_file: 500,
  /** Saved elsewhere since the screen read it (mappings). */
  mappings_changed: 409,
};

export const httpStatusOfError = (code: string): number => STATUS_BY_CODE[code] ?? 400;
