import type { ActionState } from "./validated-action";
import type { Mode } from "@/lib/config/enums";

/** What the API-key actions answer: a new key's full value travels back exactly once, in `revealed`. */
export type KeyActionState = ActionState & { revealed?: { mode: Mode; key: string; name: string } };
