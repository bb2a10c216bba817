import type { Page } from "playwright-core";

type Step = { name: string; run: () => Promise<void> };

/**
 * A minimal sequential runner: the merchant flow is one story, so a step runs only if every step before
 * it passed (later ones are reported as skipped, not as extra failures).
 */
export class Flow {
  private readonly steps: Step[] = [];

  step(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  async run(onFailure: (name: string) => Promise<void>): Promise<{ passed: number; failed: number; skipped: number }> {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const step of this.steps) {
      if (failed > 0) {
        skipped++;
        console.log(`  - ${step.name} (skipped)`);
        continue;
      }
      const started = Date.now();
      try {
        await step.run();
        passed++;
        console.log(`  ✓ ${step.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${step.name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await onFailure(step.name).catch(() => {});
      }
    }
    return { passed, failed, skipped };
  }
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
