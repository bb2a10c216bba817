import type { ActionState } from "./validated-action";

/** What the API-key actions answer: a new key's full value travels back exactly once, in `revealed`. */
export type KeyActionState = ActionState & { revealed?: { mode: "live" | "test"; key: string; name: string } };
