/**
 * FTE is held as whole thousandths (0.6 → 600) so that a split like 0.6 + 0.4 adds up exactly;
 * the database stores it as numeric(4,3).
 */
export const FULL_TIME = 1000;

export function parseFte(value: string | number): number | null {
  const text = String(value).trim();
  if (!/^(0(\.\d{1,3})?|1(\.0{1,3})?|\.\d{1,3})$/.test(text)) return null;
  const thousandths = Math.round(Number(text) * 1000);
  return thousandths > 0 && thousandths <= FULL_TIME ? thousandths : null;
}

export function formatFte(thousandths: number): string {
  return (thousandths / 1000).toFixed(3).replace(/\.?0+$/, "");
}

/** The shares of a role split across schools must add up to the role's FTE exactly. */
export function checkSplit(totalFte: number, shares: number[]): { ok: true } | { ok: false; message: string } {
  if (shares.some((s) => !Number.isInteger(s) || s <= 0)) {
    return { ok: false, message: "Each school's share must be more than 0" };
  }
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum !== totalFte) {
    return {
      ok: false,
      message: `The schools' shares add up to ${formatFte(sum)} but the role is ${formatFte(totalFte)} FTE`,
    };
  }
  return { ok: true };
}
