import type { Transformer } from "grammy";

// Telegram takes one answer per callback query and refuses the next ("query is too old … or query
// ID is invalid"). A handler that answered a press and then hit a refusal must not answer again:
// the refusal goes into the private chat instead. Ids of the newest answered queries, per process
// (one press is handled by one instance).
const answered = new Set<string>();
const MAX = 20_000;

/** Records every successful answerCallbackQuery (installed with the other API transformers). */
export function answeredTracker(): Transformer {
  return async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (method === "answerCallbackQuery" && res.ok) {
      const id = String((payload as { callback_query_id?: string }).callback_query_id);
      answered.add(id);
      if (answered.size > MAX) answered.delete(answered.values().next().value!);
    }
    return res;
  };
}

export function wasAnswered(callbackQueryId: string | undefined): boolean {
  return callbackQueryId !== undefined && answered.has(callbackQueryId);
}
