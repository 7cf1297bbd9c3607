/** Date arithmetic on calendar dates written YYYY-MM-DD, in UTC so time zones never shift a day. */

const DAY_MS = 86_400_000;

const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date): string => d.toISOString().slice(0, 10);

/** Add (or subtract) whole days. */
export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
}

/** Add (or subtract) whole weeks. */
export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

/** Calendar months from `from` to `to`, counting part months as fractions of 30.44 days. */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 30.44;
}

function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const weekday = (iso: string): number => toDate(iso).getUTCDay();

function firstMonday(year: number, month: number): string {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(d) !== 1) d = addDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): string {
  let d = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (weekday(d) !== 1) d = addDays(d, -1);
  return d;
}

/** Move a fixed holiday off the weekend to the next free weekday (the substitute day). */
function substitute(iso: string, taken: Set<string>): string {
  let d = iso;
  while (weekday(d) === 0 || weekday(d) === 6 || taken.has(d)) d = addDays(d, 1);
  return d;
}

/**
 * Bank holidays in England and Wales for a year, by the standing rules (gov.uk): New Year's Day,
 * Good Friday, Easter Monday, early May, spring and summer bank holidays, Christmas and Boxing Day,
 * with substitute days. One-off holidays proclaimed for a single year are not included.
 */
export function englandBankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const taken = new Set<string>();
  const add = (d: string): void => {
    taken.add(d);
  };
  add(substitute(`${year}-01-01`, taken));
  add(addDays(easter, -2));
  add(addDays(easter, 1));
  add(firstMonday(year, 5));
  add(lastMonday(year, 5));
  add(lastMonday(year, 8));
  const christmas = substitute(`${year}-12-25`, taken);
  add(christmas);
  add(substitute(`${year}-12-26`, taken));
  return [...taken].sort();
}

/** A named holiday period that falls inside a date range. */
export interface HolidayOverlap {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Holiday periods a range touches (TRUST: "mind holiday periods" for consultations): the
 * Christmas and New Year period (20 December – 2 January), August, and bank holidays.
 */
export function holidayOverlaps(start: string, end: string): HolidayOverlap[] {
  if (end < start) return [];
  const out: HolidayOverlap[] = [];
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  for (let year = firstYear - 1; year <= lastYear; year += 1) {
    const periods: HolidayOverlap[] = [
      { name: `Christmas and New Year ${year}`, from: `${year}-12-20`, to: `${year + 1}-01-02` },
      { name: `August ${year}`, from: `${year}-08-01`, to: `${year}-08-31` }
    ];
    for (const p of periods) if (p.from <= end && p.to >= start) out.push(p);
  }
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const day of englandBankHolidays(year)) {
      const inPeriod = out.some((p) => p.from <= day && p.to >= day);
      if (!inPeriod && day >= start && day <= end) out.push({ name: `Bank holiday ${day}`, from: day, to: day });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}
