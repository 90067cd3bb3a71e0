import type { FlowContext } from "../context.js";

/** Only a Telegram administrator of a group may link it; asked from Telegram every time. */
export async function isGroupAdmin(ctx: FlowContext, chatId: number, userId: number): Promise<boolean> {
  try {
    const m = await ctx.api.getChatMember(chatId, userId);
    return m.status === "creator" || m.status === "administrator";
  } catch {
    return false;
  }
}
