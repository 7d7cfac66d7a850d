// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "icutext_p.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <map>
#include <memory>
#include <string>

namespace Casegraph::Models::Icu {

static_assert(int(Script::Arabic) == int(USCRIPT_ARABIC) && int(Script::Cyrillic) == int(USCRIPT_CYRILLIC)
              && int(Script::Greek) == int(USCRIPT_GREEK) && int(Script::Han) == int(USCRIPT_HAN)
              && int(Script::Hangul) == int(USCRIPT_HANGUL) && int(Script::Hebrew) == int(USCRIPT_HEBREW)
              && int(Script::Hiragana) == int(USCRIPT_HIRAGANA) && int(Script::Katakana) == int(USCRIPT_KATAKANA)
              && int(Script::Latin) == int(USCRIPT_LATIN) && int(Script::Common) == int(USCRIPT_COMMON));

namespace {

// QString and icu::UnicodeString are both UTF-16: copy without conversion.
icu::UnicodeString toIcu(const QString &s)
{
    return icu::UnicodeString(reinterpret_cast<const UChar *>(s.utf16()), int32_t(s.size()));
}

QString fromIcu(const icu::UnicodeString &u)
{
    return QString(reinterpret_cast<const QChar *>(u.getBuffer()), u.length());
}

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() >= 0x80) {
            return false;
        }
    }
    return true;
}

// One instance per thread and id; nullptr remembered for ids ICU does not know.
icu::Transliterator *cachedTransliterator(const char *id)
{
    thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> cache;
    auto it = cache.find(id);
    if (it == cache.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
            t.reset();
        }
        it = cache.emplace(id, std::move(t)).first;
    }
    return it->second.get();
}

} // namespace

QString nfkc(const QString &text)
{
    if (isAscii(text)) {
        return text;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) {
        return text;
    }
    const icu::UnicodeString in = toIcu(text);
    if (n->isNormalized(in, status) && U_SUCCESS(status)) {
        return text;
    }
    status = U_ZERO_ERROR;
    const icu::UnicodeString out = n->normalize(in, status);
    return U_SUCCESS(status) ? fromIcu(out) : text;
}

QString foldCase(const QString &text)
{
    if (isAscii(text)) {
        return text.toLower();
    }
    icu::UnicodeString u = toIcu(text);
    u.foldCase(U_FOLD_CASE_DEFAULT);
    return fromIcu(u);
}

QString toAscii(const QString &text)
{
    if (isAscii(text)) {
        return text;
    }
    icu::Transliterator *t = cachedTransliterator("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII");
    if (!t) {
        return text;
    }
    icu::UnicodeString u = toIcu(text);
    t->transliterate(u);
    return fromIcu(u);
}

QString transliterate(const char *id, const QString &text)
{
    icu::Transliterator *t = cachedTransliterator(id);
    if (!t) {
        return text;
    }
    icu::UnicodeString u = toIcu(text);
    t->transliterate(u);
    return fromIcu(u);
}

int scriptOf(char32_t codePoint)
{
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(UChar32(codePoint), &status);
    return U_SUCCESS(status) ? int(code) : int(USCRIPT_COMMON);
}

} // namespace Casegraph::Models::Icu
