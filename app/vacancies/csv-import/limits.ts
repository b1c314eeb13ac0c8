/** How much one import may hold: shared by the page (said to HR) and the server (enforced). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 2000;
