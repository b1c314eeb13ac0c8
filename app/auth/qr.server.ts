import QRCode from "qrcode";

/**
 * The QR code of a set-up address as an SVG data URL for an <img>: drawn on the server, so it works without
 * JavaScript and needs no inline script or style (the CSP allows data: images only).
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
