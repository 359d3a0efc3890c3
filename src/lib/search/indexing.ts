/**
 * Characters Pagefind keeps inside words, so identifiers in error messages stay searchable
 * as written: `CERTIFICATE_VERIFY_FAILED`, `_ssl.c:726`, `tank.errors.TankError`, `0x80070005`.
 */
export const SEARCH_INCLUDE_CHARACTERS = '_.:';
