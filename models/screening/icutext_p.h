// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private: thin wrappers over ICU for the screening code. ICU headers stay in icutext.cpp.
// Every function is thread-safe: transliterators are cached per thread, because an ICU
// Transliterator instance must not be used by two threads at once.

#include <QString>

namespace Casegraph::Models::Icu {

/// Unicode NFKC (compatibility composition: full-width forms, ligatures, circled digits …).
QString nfkc(const QString &text);
/// Full Unicode case folding (ß → ss, Σ/ς → σ, Turkish-neutral).
QString foldCase(const QString &text);
/// Diacritics removed (NFD, non-spacing marks dropped) and Latin letters folded to ASCII
/// (ø → o, æ → ae, ł → l, ı → i) through ICU's Latin-ASCII.
QString toAscii(const QString &text);
/// Runs the ICU transliterator `id` ("Russian-Latin/BGN", "Han-Latin" …) over `text`.
/// Returns `text` unchanged when ICU lacks the transliterator.
QString transliterate(const char *id, const QString &text);

/// ICU script code (UScriptCode) of one code point; USCRIPT_COMMON/INHERITED for digits, marks.
int scriptOf(char32_t codePoint);
/// The ICU script codes this file needs, so callers need not include ICU.
enum Script : int { Common = 0, Inherited = 1, Arabic = 2, Cyrillic = 8, Greek = 14, Hangul = 18, Han = 17,
                    Hebrew = 19, Hiragana = 20, Katakana = 22, Latin = 25 };

} // namespace Casegraph::Models::Icu
