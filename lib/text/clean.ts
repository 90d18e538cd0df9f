/**
 * What is removed from anything a reader types that other readers will see (comments,
 * display names), before it is checked for being empty:
 * - control characters (but line breaks, where the caller keeps them);
 * - the bidirectional overrides, isolates and marks that make text display in another order
 *   than it is stored in ("Trojan Source");
 * - every default-ignorable code point (Unicode's Default_Ignorable_Code_Point: zero-width
 *   spaces and joiners, word joiners, soft hyphens, tag characters, variation selectors…),
 *   the Hangul fillers and the blank Braille pattern, which draw nothing and let a
 *   "comment" or a name be blank.
 *
 * Where such a character is doing its job inside visible text it stays: a joiner or non-joiner
 * between two letters (Persian, Indic scripts) or between two emoji (family, flag sequences),
 * a variation selector after a visible character (❤️), and the tag characters of a
 * subdivision flag (🏴 + tags).
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u115f\u1160\u3164\uffa0\u2800]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const JOINER = /[\u200c\u200d]/u;
const VARIATION_SELECTOR = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const TAG = /[\u{e0020}-\u{e007f}]/u;
const VISIBLE_NEIGHBOUR = /[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Component}]/u;
const BLACK_FLAG = "\u{1f3f4}";

function isVisible(character: string | undefined): boolean {
  return (
    character !== undefined &&
    !INVISIBLE.test(character) &&
    !/\s/u.test(character) &&
    VISIBLE_NEIGHBOUR.test(character)
  );
}

function keeps(character: string, previous: string | undefined, next: string | undefined) {
  if (BIDI.test(character)) return false;
  if (JOINER.test(character)) return isVisible(previous) && isVisible(next);
  if (VARIATION_SELECTOR.test(character))
    return previous !== undefined && !/\s/u.test(previous) && !INVISIBLE.test(previous);
  if (TAG.test(character)) return previous === BLACK_FLAG || (!!previous && TAG.test(previous));
  return false;
}

/** The text without the characters above; everything else exactly as typed. */
export function stripInvisible(text: string): string {
  const withoutControls = text.replace(CONTROL, "");
  if (
    !/[\p{Default_Ignorable_Code_Point}\u061c\u115f\u1160\u3164\uffa0\u2800]/u.test(withoutControls)
  )
    return withoutControls;
  const characters = [...withoutControls];
  const kept: string[] = [];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!;
    if (!INVISIBLE.test(character) && !BIDI.test(character)) kept.push(character);
    else if (keeps(character, kept.at(-1), characters[index + 1])) kept.push(character);
  }
  return kept.join("");
}

/** Whether the text shows anything at all: a character that is neither space nor invisible. */
export function hasVisibleText(text: string): boolean {
  for (const character of text) {
    if (!/\s/u.test(character) && !INVISIBLE.test(character) && !BIDI.test(character)) return true;
  }
  return false;
}

/** How long a text is as a reader counts it: code points, not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}
