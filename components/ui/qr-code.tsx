"use client";

import { QRCodeSVG } from "qrcode.react";
import { useLayoutEffect, useRef, useState } from "react";

/**
 * A KHQR string drawn as a QR image. Error correction M and a 4-module quiet zone keep it scannable by
 * bank apps from a screen, printed, or in a screenshot. The drawn size is snapped to a whole number of
 * pixels per module: a fractional scale blurs module edges, and some readers then fail.
 */
export function QrCode({ value, size = 240, label }: { value: string; size?: number; label: string }) {
  const ref = useRef<SVGSVGElement>(null);
  const [pixels, setPixels] = useState(size);

  useLayoutEffect(() => {
    const modules = ref.current?.viewBox.baseVal.width;
    if (modules) setPixels(Math.max(modules, Math.floor(size / modules) * modules));
  }, [value, size]);

  return (
    <QRCodeSVG
      ref={ref}
      value={value}
      size={pixels}
      level="M"
      marginSize={4}
      bgColor="#ffffff"
      fgColor="#0f172a"
      role="img"
      aria-label={label}
      className="max-w-full rounded-lg"
      style={{ width: pixels, height: pixels }}
      data-qr={value}
    />
  );
}
