// Small flat illustrations for the demo's photos (a resident's photo of a broken road, a clogged
// ditch), drawn as SVG and turned into JPEG-free PNGs with resvg: no image files in the repo and
// no network. Shapes only, so no font is needed.
import { renderAsync } from "@resvg/resvg-js";

const SCENES: Record<string, string> = {
  road: `
    <rect width="640" height="480" fill="#9fd3f0"/>
    <circle cx="540" cy="80" r="40" fill="#ffd54f"/>
    <rect y="200" width="640" height="280" fill="#7cb342"/>
    <polygon points="250,200 390,200 640,480 0,480" fill="#8d6e63"/>
    <polygon points="300,200 340,200 420,480 220,480" fill="#a1887f" opacity="0.5"/>
    <ellipse cx="300" cy="330" rx="70" ry="22" fill="#5d4037"/>
    <ellipse cx="300" cy="326" rx="58" ry="15" fill="#90a4ae"/>
    <ellipse cx="430" cy="420" rx="90" ry="28" fill="#5d4037"/>
    <ellipse cx="430" cy="415" rx="75" ry="19" fill="#90a4ae"/>
    <ellipse cx="180" cy="430" rx="60" ry="20" fill="#5d4037"/>
    <rect x="60" y="120" width="16" height="90" fill="#6d4c41"/><circle cx="68" cy="110" r="42" fill="#388e3c"/>
    <rect x="560" y="130" width="16" height="80" fill="#6d4c41"/><circle cx="568" cy="122" r="38" fill="#2e7d32"/>`,
  ditch: `
    <rect width="640" height="480" fill="#b3e5fc"/>
    <rect y="170" width="640" height="310" fill="#aed581"/>
    <g stroke="#689f38" stroke-width="4">${Array.from({ length: 24 }, (_, i) => `<line x1="${20 + i * 26}" y1="200" x2="${26 + i * 26}" y2="180"/>`).join("")}</g>
    <polygon points="0,330 640,290 640,360 0,410" fill="#6d4c41"/>
    <polygon points="0,345 640,305 640,345 0,395" fill="#4e6b5c"/>
    <ellipse cx="260" cy="360" rx="80" ry="18" fill="#795548"/>
    <ellipse cx="420" cy="340" rx="50" ry="12" fill="#8d6e63"/>
    <circle cx="230" cy="352" r="10" fill="#eeeeee"/><circle cx="250" cy="350" r="7" fill="#e0e0e0"/>`,
  hall: `
    <rect width="640" height="480" fill="#c5e1a5"/>
    <rect y="0" width="640" height="260" fill="#bbdefb"/>
    <polygon points="120,190 320,90 520,190" fill="#c62828"/>
    <rect x="150" y="190" width="340" height="170" fill="#fff8e1"/>
    <rect x="290" y="260" width="60" height="100" fill="#6d4c41"/>
    <rect x="180" y="230" width="60" height="50" fill="#90caf9"/><rect x="400" y="230" width="60" height="50" fill="#90caf9"/>
    <rect x="140" y="360" width="360" height="16" fill="#9e9e9e"/>
    <rect x="540" y="200" width="6" height="170" fill="#757575"/>
    <rect x="546" y="200" width="56" height="18" fill="#e53935"/><rect x="546" y="218" width="56" height="18" fill="#fafafa"/>`,
};

export type Scene = keyof typeof SCENES & string;

export async function picture(scene: "road" | "ditch" | "hall"): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">${SCENES[scene]}</svg>`;
  const img = await renderAsync(svg, { fitTo: { mode: "width", value: 640 }, font: { loadSystemFonts: false } });
  return img.asPng();
}
