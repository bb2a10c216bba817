import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * Which lib folders each lib folder imports: the table in ARCHITECTURE.md, enforced below (any other arrow
 * is a lint error). tests/architecture.test.ts holds this, the document and the tree's actual imports to
 * one another, so a new arrow is a decision written in all three.
 */
export const LIB_DEPENDENCIES = {
  khqr: [],
  errors: [],
  log: [],
  std: [],
  config: ["khqr"],
  i18n: ["config"],
  db: ["config"],
  bakong: ["khqr", "std"],
  merchants: ["config", "db", "khqr", "std"],
  ratelimit: ["config", "db", "errors", "log", "std"],
  accounts: ["config", "db", "errors", "merchants", "std"],
  keys: ["accounts", "config", "db", "errors"],
  webhooks: ["config", "db", "errors", "log", "std"],
  email: ["config", "db", "log"],
  notifications: ["config", "db", "email", "errors", "i18n", "log"],
  payments: [
    "accounts",
    "bakong",
    "config",
    "db",
    "errors",
    "keys",
    "khqr",
    "log",
    "merchants",
    "notifications",
    "ratelimit",
    "std",
    "webhooks",
  ],
  links: ["accounts", "config", "db", "errors", "khqr", "payments", "std", "webhooks"],
  api: ["config", "errors", "keys", "log", "ratelimit", "std"],
  auth: ["accounts", "config", "db", "email", "errors", "keys", "ratelimit", "std"],
  jobs: ["auth", "email", "log", "notifications", "payments", "webhooks"],
  dashboard: ["auth", "config", "db", "errors", "i18n", "payments", "std"],
  openapi: ["api", "config", "errors", "links", "payments", "webhooks"],
  health: ["db", "payments", "ratelimit"],
};

const LIB_FOLDERS = Object.keys(LIB_DEPENDENCIES);

const layerZones = LIB_FOLDERS.flatMap((folder) =>
  LIB_FOLDERS.filter((other) => other !== folder && !LIB_DEPENDENCIES[folder].includes(other)).map((other) => ({
    target: `./lib/${folder}`,
    from: `./lib/${other}`,
    message: `lib/${folder} may import only ${LIB_DEPENDENCIES[folder].map((name) => `lib/${name}`).join(", ") || "nothing of ours"} (ARCHITECTURE.md).`,
  })),
);

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "reports/**", ".stryker-tmp/**", "drizzle/**", "next-env.d.ts"],
  },
  {
    files: ["lib/**/*.ts", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            ...layerZones,
            { target: "./lib", from: ["./app", "./components"], message: "lib/ never imports from app/ or components/." },
            { target: "./components", from: ["./app", "./lib/db"], message: "components/ never import app/ or touch the database." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/khqr/**/*.ts", "lib/std/**/*.ts", "lib/errors/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["node:*"], message: "This folder is pure: no Node modules (lib/khqr also runs in the browser)." }] },
      ],
    },
  },
];

export default config;
