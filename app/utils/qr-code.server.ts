import QRCode from 'qrcode';

/**
 * A QR code as an SVG data address for an `<img>` (the Content-Security-Policy allows `data:`
 * images, and an `<img>` takes a text alternative). Made on the server, so it needs no script.
 * Black on white in every theme: scanners read dark modules on a light background.
 */
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
