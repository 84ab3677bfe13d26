// Mixed-script detection for IDN labels (UTS #39 "highly restrictive"): a label may use one script,
// or Latin with Han and the Japanese, Chinese or Korean scripts that are written together with it.

const SCRIPTS = [
  "Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Syriac", "Thaana",
  "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada",
  "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Myanmar", "Khmer", "Mongolian", "Ethiopic",
  "Cherokee", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Yi", "Tifinagh", "Nko",
] as const;

const PATTERNS = SCRIPTS.map((s) => [s, new RegExp(`^\\p{Script=${s}}$`, "u")] as const);
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

const ALLOWED_MIXES: ReadonlySet<string>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

// The scripts of the letters in `label` (digits, hyphens and combining marks count for none).
export function labelScripts(label: string): string[] {
  const found = new Set<string>();
  for (const ch of label) {
    if (NEUTRAL.test(ch)) continue;
    found.add(PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? "Other");
  }
  return [...found];
}

// The scripts when `label` mixes scripts in a way that can imitate another name; null when fine.
export function confusableMix(label: string): string[] | null {
  const scripts = labelScripts(label);
  if (scripts.length <= 1) return null;
  if (scripts.includes("Other")) return scripts;
  return ALLOWED_MIXES.some((mix) => scripts.every((s) => mix.has(s))) ? null : scripts;
}
