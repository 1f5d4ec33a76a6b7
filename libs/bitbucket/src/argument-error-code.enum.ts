/** Why an argument cannot become part of a call to Bitbucket; each is also the i18n key of its message. */
export enum ArgumentErrorCode {
  EMPTY_SEGMENT = 'ARGUMENT_EMPTY_SEGMENT',
  DOT_SEGMENT = 'ARGUMENT_DOT_SEGMENT',
  CONTROL_CHARACTER = 'ARGUMENT_CONTROL_CHARACTER',
  MALFORMED_UNICODE = 'ARGUMENT_MALFORMED_UNICODE',
  SLASH = 'ARGUMENT_SLASH',
  OUTSIDE_REPOSITORY = 'ARGUMENT_OUTSIDE_REPOSITORY',
  /** A file path that is empty once normalized: the repository root. */
  ROOT_NOT_A_FILE = 'ARGUMENT_ROOT_NOT_A_FILE',
  /** A cursor this server did not issue for this listing (forged, altered, or from another listing). */
  FOREIGN_CURSOR = 'ARGUMENT_FOREIGN_CURSOR',
}
