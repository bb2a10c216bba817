import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "drizzle/**", "next-env.d.ts", ".stryker-tmp/**", "reports/**"] },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." }] }],
    },
  },
  {
    files: ["lib/khqr/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "node:*"], message: "lib/khqr is pure: it imports nothing of ours and no Node modules." }] }],
    },
  },
  {
    files: ["lib/bakong/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db", "@/lib/db/*", "@/app/*", "@/components/*"], message: "lib/bakong speaks HTTP, never the database." }] }],
    },
  },
  {
    files: ["components/**/*.tsx", "components/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db", "@/lib/db/*"], message: "components/ never touch the database." }] }],
    },
  },
];

export default config;
