import { describe, expect, it } from "vitest";
import { applyMutant, testTargets } from "../../scripts/verify-static-mutants";

const at = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
  start: { line: startLine, column: startColumn },
  end: { line: endLine, column: endColumn },
});

describe("writing a Stryker mutant into its source", () => {
  it("replaces exactly the reported span (1-based lines and columns, end exclusive)", () => {
    const source = 'const a = "x";\nexport const b = sql`md5(y)`;\n';
    const mutant = { id: "1", mutatorName: "StringLiteral", replacement: "``", status: "Survived", location: at(2, 21, 2, 29) };
    expect(applyMutant(source, mutant)).toBe('const a = "x";\nexport const b = sql``;\n');
  });

  it("spans lines, and removes the span when the mutant has no replacement", () => {
    const source = "if (x) {\n  run();\n}\nnext();\n";
    expect(
      applyMutant(source, { id: "2", mutatorName: "BlockStatement", replacement: "{}", status: "Survived", location: at(1, 8, 3, 2) }),
    ).toBe("if (x) {}\nnext();\n");
    expect(applyMutant(source, { id: "3", mutatorName: "X", status: "Survived", location: at(4, 1, 4, 8) })).toBe(
      "if (x) {\n  run();\n}\n\n",
    );
  });
});

describe("which tests a static mutant is tried against", () => {
  it("its source's own test file first, then the tests of its folder", () => {
    expect(testTargets("lib/payments/schemas.ts")).toEqual(["tests/payments/schemas.test.ts", "tests/payments"]);
    expect(testTargets("lib/webhooks/outbox/claim-deliveries.ts")).toEqual(["tests/webhooks/claim-deliveries.test.ts", "tests/webhooks"]);
  });
});
