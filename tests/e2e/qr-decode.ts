import jsQR from "jsqr";
import type { Locator, Page } from "playwright-core";

/**
 * Reads the QR code the browser actually drew: a screenshot of the element, turned back into pixels by the
 * browser's own PNG decoder, then decoded by jsQR — what a phone camera would see, minus the camera.
 */
export async function decodeQrOnPage(page: Page, element: Locator): Promise<string | null> {
  const png = await element.screenshot();
  const pixels = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  }, png.toString("base64"));
  return jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height)?.data ?? null;
}
