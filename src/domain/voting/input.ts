/** The rules a vote's question, options and times must follow (typed errors, no I/O). */
import { InvalidInput } from "../errors.js";
import { LIMITS } from "./types.js";

/** Options typed one per line; numbering and bullets ("1.", "a)", "-") are dropped. */
export function parseOptions(text: string): string[] {
  const options = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(\d{1,2}[.)]|[a-jA-J][.)]|[-•*])\s+/, "").replace(/\s+/g, " ").trim())
    .filter((l) => l.length > 0);
  validateOptions(options);
  return options;
}

export function validateOptions(options: string[]) {
  if (options.length < LIMITS.optionsMin) throw new InvalidInput("vote_options_few", { min: LIMITS.optionsMin });
  if (options.length > LIMITS.optionsMax) throw new InvalidInput("vote_options_many", { max: LIMITS.optionsMax });
  const seen = new Set<string>();
  for (const o of options) {
    if (o.length > LIMITS.optionMax) throw new InvalidInput("vote_option_long", { max: LIMITS.optionMax });
    const k = o.toLowerCase();
    if (seen.has(k)) throw new InvalidInput("vote_option_duplicate", { option: o });
    seen.add(k);
  }
}

export function validateQuestion(q: string): string {
  const question = q.replace(/\s+/g, " ").trim();
  if (question.length < LIMITS.questionMin) throw new InvalidInput("vote_question_short", { min: LIMITS.questionMin });
  if (question.length > LIMITS.questionMax) throw new InvalidInput("vote_question_long", { max: LIMITS.questionMax });
  return question;
}

export function validateClosesAt(closesAt: Date, now: Date) {
  const ms = closesAt.getTime() - now.getTime();
  if (ms < LIMITS.minDurationMs) throw new InvalidInput("vote_closes_too_soon");
  if (ms > LIMITS.maxDurationMs) throw new InvalidInput("vote_closes_too_late");
}

/** Reminder offsets that still lie in the future for a vote closing at `closesAt`. */
export function usableReminders(minutes: number[], closesAt: Date | null, now: Date): number[] {
  if (!closesAt) return [];
  return [...new Set(minutes)]
    .filter((m) => Number.isInteger(m) && m >= LIMITS.reminderMinMinutes && closesAt.getTime() - m * 60_000 > now.getTime())
    .sort((a, b) => b - a);
}

