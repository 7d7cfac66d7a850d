// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecoder.h"

#include <QHash>

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <cstring>

namespace Casegraph::Models {

namespace {

/// Length of `size` without a UTF-8 sequence that the end of the buffer cuts short.
qsizetype withoutCutSequence(const char *p, qsizetype size) {
    for (qsizetype back = 1; back <= 4 && back <= size; ++back) {
        const auto c = static_cast<unsigned char>(p[size - back]);
        if ((c & 0xC0) == 0x80) {
            continue; // a continuation byte: look further back for the lead byte
        }
        const int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? size - back : size;
    }
    return size;
}

/// UTF-16 without a byte order mark shows as NUL bytes at every other position.
QString utf16Pattern(const QByteArray &head) {
    const qsizetype n = std::min<qsizetype>(head.size() & ~qsizetype(1), 8192);
    if (n < 4) {
        return {};
    }
    qsizetype evenZero = 0, oddZero = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZero += head.at(i) == 0;
        oddZero += head.at(i + 1) == 0;
    }
    const qsizetype pairs = n / 2;
    if (oddZero * 10 >= pairs * 4 && evenZero * 20 < pairs) {
        return QStringLiteral("UTF-16LE");
    }
    if (evenZero * 10 >= pairs * 4 && oddZero * 20 < pairs) {
        return QStringLiteral("UTF-16BE");
    }
    return {};
}

/// Counts undecodable input and writes U+FFFD in its place (ICU's default for code pages would
/// be U+001A, which a reader cannot tell from a real SUB character).
void countingCallback(const void *context, UConverterToUnicodeArgs *args, const char *, int32_t,
                      UConverterCallbackReason reason, UErrorCode *err) {
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) {
        return;
    }
    ++*static_cast<qint64 *>(const_cast<void *>(context));
    const UChar replacement = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

} // namespace

struct TextDecoder::Private {
    UConverter *converter = nullptr;
    bool passThrough = true;
    UChar pendingHigh = 0; ///< a high surrogate whose low half comes with the next batch
    ~Private() {
        if (converter) {
            ucnv_close(converter);
        }
    }
};

TextDecoder::TextDecoder() : d(std::make_unique<Private>()) {}

TextDecoder::~TextDecoder() = default;

TextDecoder::Detection TextDecoder::detect(const QByteArray &head) {
    Detection out;
    const auto starts = [&](const char *bom, int n) {
        return head.size() >= n && std::memcmp(head.constData(), bom, n) == 0;
    };
    // Longest BOM first: the UTF-32LE mark begins with the UTF-16LE one.
    if (starts("\xFF\xFE\x00\x00", 4)) {
        return {QStringLiteral("UTF-32LE"), 4, 100, false};
    }
    if (starts("\x00\x00\xFE\xFF", 4)) {
        return {QStringLiteral("UTF-32BE"), 4, 100, false};
    }
    if (starts("\xEF\xBB\xBF", 3)) {
        return {QStringLiteral("UTF-8"), 3, 100, false};
    }
    if (starts("\xFF\xFE", 2)) {
        return {QStringLiteral("UTF-16LE"), 2, 100, false};
    }
    if (starts("\xFE\xFF", 2)) {
        return {QStringLiteral("UTF-16BE"), 2, 100, false};
    }
    if (head.contains('\0')) {
        const QString utf16 = utf16Pattern(head);
        if (utf16.isEmpty()) {
            out.binary = true;
            return out;
        }
        return {utf16, 0, 80, false};
    }
    // Many control characters other than tab, newlines, form feed and DOS EOF: not text.
    qsizetype controls = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        controls += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A;
    }
    if (controls * 20 > head.size()) {
        out.binary = true;
        return out;
    }
    if (simdjson::validate_utf8(head.constData(), size_t(withoutCutSequence(head.constData(), head.size())))) {
        return {QStringLiteral("UTF-8"), 0, 100, false};
    }
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) {
        return {QStringLiteral("windows-1252"), 0, 0, false};
    }
    ucsdet_setText(detector, head.constData(), int32_t(std::min<qsizetype>(head.size(), 1 << 20)), &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    QString name;
    int confidence = 0;
    if (U_SUCCESS(status) && match) {
        name = QString::fromLatin1(ucsdet_getName(match, &status));
        confidence = ucsdet_getConfidence(match, &status);
    }
    ucsdet_close(detector);
    // ICU reports plain ISO-8859-1 for Windows text without bytes 0x80-0x9F; Windows-1252 is its
    // superset and is what spreadsheet programs write.
    if (name.isEmpty() || name == QLatin1String("ISO-8859-1") || name == QLatin1String("UTF-8")) {
        name = QStringLiteral("windows-1252");
    }
    return {name, 0, confidence, false};
}

QString TextDecoder::canonicalName(const QString &name) {
    const QString key = name.trimmed().toLower().remove(QLatin1Char('_'));
    // GBK and GB2312 text is GB18030 text; Latin-1 files in the wild are Windows-1252.
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("utf8"), QStringLiteral("UTF-8")},
        {QStringLiteral("utf-8"), QStringLiteral("UTF-8")},
        {QStringLiteral("gbk"), QStringLiteral("GB18030")},
        {QStringLiteral("gb2312"), QStringLiteral("GB18030")},
        {QStringLiteral("cp936"), QStringLiteral("GB18030")},
        {QStringLiteral("gb18030"), QStringLiteral("GB18030")},
        {QStringLiteral("big5"), QStringLiteral("Big5")},
        {QStringLiteral("cp950"), QStringLiteral("Big5")},
        {QStringLiteral("big5-hkscs"), QStringLiteral("Big5-HKSCS")},
        {QStringLiteral("latin1"), QStringLiteral("windows-1252")},
        {QStringLiteral("iso-8859-1"), QStringLiteral("windows-1252")},
        {QStringLiteral("cp1252"), QStringLiteral("windows-1252")},
        {QStringLiteral("windows-1252"), QStringLiteral("windows-1252")},
        {QStringLiteral("utf16"), QStringLiteral("UTF-16LE")},
        {QStringLiteral("utf-16"), QStringLiteral("UTF-16LE")},
        {QStringLiteral("utf-16le"), QStringLiteral("UTF-16LE")},
        {QStringLiteral("utf-16be"), QStringLiteral("UTF-16BE")},
    };
    if (const auto it = aliases.constFind(key); it != aliases.cend()) {
        return *it;
    }
    if (key.isEmpty()) {
        return {}; // ucnv_open("") would open the platform's default converter
    }
    UErrorCode status = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name.trimmed().toLatin1().constData(), &status);
    if (U_FAILURE(status) || !c) {
        return {};
    }
    ucnv_close(c);
    return name.trimmed();
}

bool TextDecoder::isUtf8(const QString &encoding) {
    return encoding.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0 ||
           encoding.compare(QLatin1String("UTF8"), Qt::CaseInsensitive) == 0;
}

Status TextDecoder::start(const QString &encoding) {
    m_invalid = 0;
    m_encoding = encoding;
    d->pendingHigh = 0;
    if (d->converter) {
        ucnv_close(d->converter);
        d->converter = nullptr;
    }
    d->passThrough = isUtf8(encoding);
    if (d->passThrough) {
        return {};
    }
    UErrorCode status = U_ZERO_ERROR;
    d->converter = ucnv_open(encoding.toLatin1().constData(), &status);
    if (U_FAILURE(status) || !d->converter) {
        d->converter = nullptr;
        return Error{tr("unknown text encoding \"%1\"").arg(encoding)};
    }
    ucnv_setToUCallBack(d->converter, countingCallback, &m_invalid, nullptr, nullptr, &status);
    return {};
}

void TextDecoder::convert(const char *data, qsizetype size, bool last, QByteArray &out) {
    if (d->passThrough) {
        out.append(data, size);
        return;
    }
    constexpr int capacity = 1 << 15;
    UChar buffer[capacity];
    const char *source = data;
    const char *sourceEnd = data + size;
    for (;;) {
        UChar *target = buffer;
        if (d->pendingHigh) {
            *target++ = d->pendingHigh;
            d->pendingHigh = 0;
        }
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(d->converter, &target, buffer + capacity, &source, sourceEnd, nullptr, last, &status);
        qsizetype n = target - buffer;
        const bool more = status == U_BUFFER_OVERFLOW_ERROR;
        // A surrogate pair split between two batches must not become two invalid halves.
        if (more && n > 0 && QChar::isHighSurrogate(buffer[n - 1])) {
            d->pendingHigh = buffer[--n];
        }
        out += QStringView(reinterpret_cast<const char16_t *>(buffer), n).toUtf8();
        if (!more) {
            if (U_FAILURE(status)) {
                ++m_invalid;
            }
            break;
        }
    }
}

Result<QString> TextDecoder::decode(const QByteArray &bytes, const QString &encoding, qint64 *invalid) {
    TextDecoder decoder;
    if (auto st = decoder.start(encoding); !st) {
        return st.error();
    }
    QByteArray utf8;
    utf8.reserve(bytes.size());
    decoder.convert(bytes.constData(), bytes.size(), true, utf8);
    qint64 bad = decoder.invalidSequences();
    if (decoder.d->passThrough && !simdjson::validate_utf8(utf8.constData(), size_t(utf8.size()))) {
        ++bad;
    }
    if (invalid) {
        *invalid = bad;
    }
    return QString::fromUtf8(utf8);
}

} // namespace Casegraph::Models
