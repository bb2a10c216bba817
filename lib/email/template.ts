export type EmailContent = { subject: string; text: string; html: string };

type Message = {
  subject: string;
  /** The first line, e.g. "Reset your password". */
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Why the reader got this, and what to do if it was not them. */
  footer: string;
  /** The line above the action's bare link, in the reader's language. */
  orPaste?: string;
};

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** Every email we send, as plain text and simple HTML from the same parts. */
export function renderEmail({
  subject,
  heading,
  paragraphs,
  action,
  footer,
  orPaste = "Or paste this link into your browser:",
}: Message): EmailContent {
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    "—",
    footer,
    "KHQR Pay",
  ].join("\n");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>` +
      `<p style="font-size:13px;color:#64748b">${escapeHtml(orPaste)}<br>${escapeHtml(action.url)}</p>`
    : "";
  const html =
    `<!doctype html><html><body style="font-family:system-ui,-apple-system,'Noto Sans Khmer','Khmer OS',sans-serif;line-height:1.6;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">` +
    `<h1 style="font-size:20px">${escapeHtml(heading)}</h1>` +
    paragraphs.map((paragraph) => `<p style="line-height:1.5">${escapeHtml(paragraph)}</p>`).join("") +
    button +
    `<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0"><p style="font-size:13px;color:#64748b">${escapeHtml(footer)}<br>KHQR Pay</p>` +
    `</body></html>`;
  return { subject, text, html };
}
