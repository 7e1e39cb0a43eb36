/** Package-name rules shared by the parsers, the hash and the diff. */

/**
 * The name packages are compared by: lower case, runs of `-`, `_` and `.` as one `-` (the
 * PEP 503 rule), so `PyYAML`, `pyyaml` and `py_yaml` are one package. R names are compared the
 * same way: CRAN refuses two packages whose names differ only in case.
 */
export function packageKey(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** A PEP 508 distribution name (letters, digits, `.`, `_`, `-`; starting and ending alphanumeric). */
export const PYTHON_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
