import { describe, expect, it } from "vitest";
import { localizedEmail } from "@/lib/email";

const url = "https://pay.example.com/reset-password?token=abc";

describe("localizedEmail", () => {
  it("writes the reset email in Khmer for a Khmer account, link included", () => {
    const mail = localizedEmail("km", "reset", { actionUrl: url });
    expect(mail.subject).toBe("កំណត់ពាក្យសម្ងាត់ KHQR Pay ឡើងវិញ");
    expect(mail.text).toContain(`កំណត់ពាក្យសម្ងាត់ថ្មី: ${url}`);
    expect(mail.html).toContain("ឬចម្លងតំណនេះ");
    expect(mail.html).toContain(url.replace("?", "?"));
  });

  it("writes it in English for an English account", () => {
    const mail = localizedEmail("en", "reset", { actionUrl: url });
    expect(mail.subject).toBe("Reset your KHQR Pay password");
    expect(mail.text.split("\n").slice(0, 5)).toEqual([
      "Reset your password",
      "",
      "Someone (hopefully you) asked to reset the password of your KHQR Pay account.",
      "",
      "The link works once, for one hour.",
    ]);
  });

  it("fills in values and leaves out the action of an email that has none", () => {
    const mail = localizedEmail("km", "changed", { values: { email: "new@example.com" } });
    expect(mail.text).toContain("new@example.com");
    expect(mail.html).not.toContain("<a href");
  });
});
