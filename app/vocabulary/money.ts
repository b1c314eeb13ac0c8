/** Money as people read it: whole pounds a year for salaries, pence for hourly rates (stored as integers). */
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const pence = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2 });

export function formatPounds(amount: number): string {
  return pounds.format(amount);
}

export function formatHourly(pennies: number): string {
  return `${pence.format(pennies / 100)} an hour`;
}

export function formatSalaryRange(min: number, max: number): string {
  return min === max ? formatPounds(min) : `${formatPounds(min)} to ${formatPounds(max)}`;
}
