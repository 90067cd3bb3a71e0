// Texts for other people: one mechanism with ctx.t, so the forum's own words are filled in both.
export { translate, tFor, langOf, type T } from "./terms.js";
