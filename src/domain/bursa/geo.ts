/** Great-circle distance in km (haversine); villages are points of their office. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const R = 6371;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Indonesia's extent with a margin: catches swapped or mistyped coordinates. */
export function inIndonesia(latitude: number, longitude: number): boolean {
  return latitude >= -11.5 && latitude <= 6.5 && longitude >= 94.5 && longitude <= 141.5;
}

/** "-4.9123, 105.1234", "-4,9123 105,1234", "lat -4.91 lon 105.12", a maps link with @lat,lon or q=lat,lon. */
export function parseCoordinates(text: string): { latitude: number; longitude: number } | null {
  const s = text.trim();
  const link = s.match(/[@=](-?\d{1,2}\.\d+),\s*(-?\d{1,3}\.\d+)/);
  const m = link ?? s.match(/(?:^|[^\d.,-])(-?\d{1,2}(?:[.,]\d+)?)\s*[,; ]\s*(?:lon\w*\s*)?(-?\d{1,3}(?:[.,]\d+)?)\s*$/i);
  if (!m) return null;
  const lat = Number(m[1]!.replace(",", "."));
  const lon = Number(m[2]!.replace(",", "."));
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return { latitude: lat, longitude: lon };
}
