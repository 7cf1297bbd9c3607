/** Date arithmetic on calendar dates written YYYY-MM-DD, in UTC so time zones never shift a day. */
import { DEFAULT_HOLIDAY_PERIODS, type BankHolidayRegion, type HolidayPeriod } from './settings';

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

/**
 * Bank holidays in Scotland for a year (gov.uk standing rules): New Year's Day and 2 January,
 * Good Friday, early May, spring, the first Monday in August, St Andrew's Day, Christmas and
 * Boxing Day, with substitute days.
 */
export function scotlandBankHolidays(year: number): string[] {
  const taken = new Set<string>();
  const add = (d: string): void => {
    taken.add(d);
  };
  add(substitute(`${year}-01-01`, taken));
  add(substitute(`${year}-01-02`, taken));
  add(addDays(easterSunday(year), -2));
  add(firstMonday(year, 5));
  add(lastMonday(year, 5));
  add(firstMonday(year, 8));
  add(substitute(`${year}-11-30`, taken));
  add(substitute(`${year}-12-25`, taken));
  add(substitute(`${year}-12-26`, taken));
  return [...taken].sort();
}

/**
 * Bank holidays in Northern Ireland for a year (gov.uk standing rules): England and Wales's, plus
 * St Patrick's Day and the Battle of the Boyne, with substitute days.
 */
export function northernIrelandBankHolidays(year: number): string[] {
  const taken = new Set<string>(englandBankHolidays(year));
  taken.add(substitute(`${year}-03-17`, taken));
  taken.add(substitute(`${year}-07-12`, taken));
  return [...taken].sort();
}

/** Bank holidays in a part of the UK for a year. */
export function bankHolidays(year: number, region: BankHolidayRegion): string[] {
  if (region === 'scotland') return scotlandBankHolidays(year);
  if (region === 'northernIreland') return northernIrelandBankHolidays(year);
  return englandBankHolidays(year);
}

/** A named holiday period that falls inside a date range. */
export interface HolidayOverlap {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** Which holidays to count: the organisation's yearly periods and its bank holidays. */
export interface HolidayOptions {
  readonly periods?: readonly HolidayPeriod[];
  readonly region?: BankHolidayRegion;
}

/**
 * Holiday periods a range touches (TRUST: where a consultation "spans all or part of a holiday
 * period", consider the impact and mitigate): the organisation's yearly periods (by default
 * Christmas and New Year, 20 December – 2 January, and August) and the bank holidays of its region
 * (by default England and Wales).
 */
export function holidayOverlaps(start: string, end: string, options: HolidayOptions = {}): HolidayOverlap[] {
  if (end < start) return [];
  const periods = options.periods ?? DEFAULT_HOLIDAY_PERIODS;
  const region = options.region ?? 'englandAndWales';
  const out: HolidayOverlap[] = [];
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  for (let year = firstYear - 1; year <= lastYear; year += 1) {
    for (const p of periods) {
      const from = `${year}-${p.from}`;
      const to = p.to >= p.from ? `${year}-${p.to}` : `${year + 1}-${p.to}`;
      if (from <= end && to >= start) out.push({ name: `${p.name} ${year}`, from, to });
    }
  }
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const day of bankHolidays(year, region)) {
      const inPeriod = out.some((p) => p.from <= day && p.to >= day);
      if (!inPeriod && day >= start && day <= end) out.push({ name: `Bank holiday ${day}`, from: day, to: day });
    }
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** Every day of a range (both ends included) that falls in a holiday period or on a bank holiday. */
export function holidayDays(start: string, end: string, options: HolidayOptions = {}): Set<string> {
  const days = new Set<string>();
  for (const h of holidayOverlaps(start, end, options)) {
    let d = h.from < start ? start : h.from;
    const last = h.to > end ? end : h.to;
    while (d <= last) {
      days.add(d);
      d = addDays(d, 1);
    }
  }
  return days;
}

/** How many days of a range (both ends included) fall in a holiday period or on a bank holiday. */
export function holidayDaysWithin(start: string, end: string, options: HolidayOptions = {}): number {
  return holidayDays(start, end, options).size;
}

/**
 * The latest start for a period ending on `end` that leaves `clearDays` days outside holidays
 * (counted as `daysBetween(start, end)` less the holiday days from `start` to `end`).
 */
export function startLeavingClearDays(end: string, clearDays: number, options: HolidayOptions = {}): string {
  const holidays = holidayDays(addDays(end, -(clearDays + 400)), end, options);
  let start = addDays(end, -clearDays);
  let held = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (holidays.has(d)) held += 1;
  while (daysBetween(start, end) - held < clearDays) {
    start = addDays(start, -1);
    if (holidays.has(start)) held += 1;
  }
  return start;
}
