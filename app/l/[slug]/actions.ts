"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { answerAppErrors, invalid, type ActionState } from "@/lib/dashboard/validated-action";
import { BROWSER_COOKIE, customerAmountInput, isBrowserId, newBrowserId, openPaymentCookie, startLinkPayment } from "@/lib/links";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The customer proceeds: a QR for this browser (the same one again on a second tap or tab), remembered in a
 * cookie for the QR's lifetime so a reload shows it instead of making another. Limited per client address.
 */
export async function startPayment(slug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const limit = await applyRateLimit({ ip: clientAddress(await headers()) }, "link_checkout");
  if (!limit.allowed) {
    const [t, seconds] = [await getTranslations("linkPage"), limit.headers["Retry-After"]];
    return { error: seconds ? t("tooMany", { seconds }) : t("tooManySoon") };
  }
  const parsed = customerAmountInput.safeParse({ amount: formData.get("amount") ?? undefined });
  if (!parsed.success) return invalid(parsed.error, formData);

  const jar = await cookies();
  const existing = jar.get(BROWSER_COOKIE)?.value;
  const browserId = isBrowserId(existing) ? existing : newBrowserId();
  if (browserId !== existing) jar.set(BROWSER_COOKIE, browserId, { httpOnly: true, sameSite: "lax", path: "/l", maxAge: YEAR_SECONDS });

  return answerAppErrors(formData, async () => {
    const started = await startLinkPayment(slug, browserId, parsed.data.amount);
    jar.set(openPaymentCookie(started.linkId), started.publicId, {
      httpOnly: true,
      sameSite: "lax",
      path: `/l/${slug}`,
      ...(started.expiresAt ? { expires: started.expiresAt } : {}),
    });
    redirect(`/l/${slug}`);
  });
}
