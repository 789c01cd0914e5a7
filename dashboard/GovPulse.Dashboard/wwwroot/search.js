// Search by name with or without Vietnamese diacritics: "tan dinh" finds "Tân Định".

/** Lower case, no tone or vowel marks, đ/Đ as d, single spaces. */
export function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True when every word of the query is in the name (both folded). */
export function matches(name, query) {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const folded = fold(name);
  return words.every(word => folded.includes(word));
}
