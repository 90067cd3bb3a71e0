export * from "./model.js";
export * from "./notices.js";
export * from "./service.js";
export * from "./queries.js";
export * from "./deadlines.js";
