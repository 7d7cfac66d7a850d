// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers shared by the normaliser and the table loader.

#include "namenormalizer.h"

#include <QString>
#include <QStringList>

namespace Casegraph::Models::ScreeningText {

/// Token that marks the parts of a Chinese transcription of a foreign name (伊力哈木·土赫提).
extern const QString kPartMarker;
/// The script of a word's first letter.
NameScript tokenScript(const QString &token);
/// The ICU BGN transliterator for a Cyrillic name, by the letters only one language uses.
const char *cyrillicTransliterator(const QString &text);
/// Pinyin of one Han character, tone marks removed (cached per thread).
QString pinyinOf(const QString &hanChar);
/// Drops apostrophes and middle dots a transliterator left, other punctuation → spaces.
QString cleanLatin(const QString &s);
/// S.A. → sa, U.S.A. → usa; "J. R. Smith" keeps its initials apart.
QString collapseInitialisms(const QString &s);
/// Punctuation and symbols → spaces, apostrophes dropped, Han middle dots → kPartMarker.
QString punctuationToSpaces(const QString &s);

/// Whitespace-separated words of simplified text, each Han character a word of its own.
QStringList nativeTokens(const QString &simplified);
/// The same words transliterated to Latin and folded to ASCII.
QStringList latinTokens(const QString &simplified);
/// Whether a code point is a Han ideograph (CJK Unified, extensions, compatibility).
bool isHan(char32_t c);

} // namespace Casegraph::Models::ScreeningText
