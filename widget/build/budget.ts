/** The widget's size budget, read by the build and by the playground's download (no Node here). */

/**
 * The size budget of the script tag file, rules and styles included, gzip.
 *
 * @example
 * if (gzipSize > BUDGET_GZIP_BYTES) throw new Error('over budget');
 */
export const BUDGET_GZIP_BYTES = 30 * 1024;
