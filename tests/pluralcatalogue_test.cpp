// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The English plural catalogue (translations/casegraph_en.ts), which the window loads so that
// "%n hop(s)" reads "1 hop" and "3 hops": every plural string of the sources is in it, with two
// finished forms that keep the number and drop the "(s)" of the counted word.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct PluralMessage {
    QString source;
    QStringList forms;
};

QList<PluralMessage> readCatalogue(const QString &path)
{
    QList<PluralMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    QXmlStreamReader xml(&file);
    PluralMessage current;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            current = {};
        } else if (numerus && xml.isStartElement() && xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (numerus && xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
            current.forms << xml.readElementText();
        } else if (numerus && xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << current;
            numerus = false;
        }
    }
    return out;
}

/// The one-literal tr("…%n…") strings (or %Ln, the count in the locale's digits) of the C++ sources under models/, ui/ and app/.
QSet<QString> pluralSources()
{
    QSet<QString> out;
    static const QRegularExpression tr(QStringLiteral(R"re(\btr\("((?:[^"\\]|\\.)*%L?n(?:[^"\\]|\\.)*)"\s*,)re"));
    for (const char *folder : {"models", "ui", "app"}) {
        QDirIterator it(QStringLiteral(CASEGRAPH_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly)) {
                continue;
            }
            const QString text = QString::fromUtf8(file.readAll());
            for (auto m = tr.globalMatch(text); m.hasNext();) {
                out << m.next().captured(1).replace(QLatin1String("\\\""), QLatin1String("\""));
            }
        }
    }
    return out;
}

} // namespace

class PluralCatalogueTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPluralStringIsInTheCatalogue()
    {
        const auto catalogue = readCatalogue(QStringLiteral(CASEGRAPH_SOURCE_DIR "/translations/casegraph_en.ts"));
        QVERIFY2(!catalogue.isEmpty(), "translations/casegraph_en.ts has no plural messages");
        QSet<QString> known;
        for (const auto &m : catalogue) {
            known << m.source;
        }
        const QSet<QString> sources = pluralSources();
        QVERIFY(sources.size() > 20);
        QStringList missing;
        for (const QString &s : sources) {
            if (!known.contains(s)) {
                missing << s;
            }
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in casegraph_en.ts (run lupdate -pluralonly, then write "
                                                              "the two forms): ") + missing.join(QLatin1String(" | "))));
    }

    void formsAreFinishedEnglish()
    {
        static const QRegularExpression counted(QStringLiteral(R"(%L?n(?:\s+\w+)?\s+\w+\(s\))"));
        for (const auto &m : readCatalogue(QStringLiteral(CASEGRAPH_SOURCE_DIR "/translations/casegraph_en.ts"))) {
            QCOMPARE(m.forms.size(), 2);
            for (const QString &form : m.forms) {
                // The form shows the count the way its source does (%Ln: in the locale's digits).
                const QLatin1String marker(m.source.contains(QLatin1String("%Ln")) ? "%Ln" : "%n");
                QVERIFY2(form.contains(marker), qPrintable(m.source));
                QVERIFY2(!counted.match(form).hasMatch(), qPrintable(QStringLiteral("“(s)” left in: ") + form));
            }
        }
    }
};

QTEST_GUILESS_MAIN(PluralCatalogueTest)
#include "pluralcatalogue_test.moc"
