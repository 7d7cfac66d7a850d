// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// casegraph-mentionbench: how long the Source viewer takes to find mentions of known names.
// Builds N synthetic case names (Latin company and person names, a quarter Chinese), L entries
// of a loaded reference list (a name each, an alias for every third: the viewer's second kind
// of mention) and a document of P pages (~3,000 characters each, English with Chinese
// passages) in which some of both occur, then times MentionFinder::setPatterns (once) and
// MentionFinder::find (median of several runs). The target is 200 ms for 20,000 names over
// 100 pages; the default run adds a 30,000-entry list on top.
//   casegraph-mentionbench [--names 20000] [--listed 30000] [--pages 100] [--runs 7]

#include "evidence/mentionfinder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>

#include <time.h>

using namespace Casegraph::Models;

namespace {

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

const char *const Syllables[] = {"ka", "ro", "mi", "ten", "sha", "lo", "vin", "dra", "pe", "tor", "gan", "lu",
                                 "zen", "mar", "bel", "kor", "ya", "fen", "ost", "ric", "nu", "sel", "val", "xi"};
const char *const Suffixes[] = {"Holdings", "Technology", "Trading", "Logistics", "Group", "Ltd", "Security",
                                "Systems", "Biotech", "Imaging"};
const char *const Words[] = {"the", "police", "bought", "sequencers", "from", "a", "company", "in", "May",
                             "according", "to", "documents", "seen", "by", "reporters", "and", "contracts",
                             "show", "that", "equipment", "was", "resold", "through", "distributors", "of",
                             "which", "none", "were", "authorised", "regional", "bureau", "said", "on", "Monday"};
const char16_t HanChars[] = u"华大基因深网视界东方力科技有限公司新疆维吾尔自治区公安厅海康威视北京上海广州智能安防信息";

QString word(QRandomGenerator &rng) {
    QString w;
    const int n = 2 + int(rng.bounded(2));
    for (int i = 0; i < n; ++i) {
        w += QLatin1String(Syllables[rng.bounded(int(std::size(Syllables)))]);
    }
    w[0] = w[0].toUpper();
    return w;
}

QString name(QRandomGenerator &rng, int i) {
    if (i % 4 == 3) {
        QString han;
        const int n = 4 + int(rng.bounded(5));
        const int alphabet = int(std::size(HanChars)) - 1;
        for (int k = 0; k < n; ++k) {
            han += QChar(HanChars[rng.bounded(alphabet)]);
        }
        return han;
    }
    if (i % 2 == 0) {
        return word(rng) + QLatin1Char(' ') + word(rng) + QLatin1Char(' ') +
               QLatin1String(Suffixes[rng.bounded(int(std::size(Suffixes)))]);
    }
    return word(rng) + QLatin1Char(' ') + word(rng);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times mention finding over a long document."));
    parser.addHelpOption();
    const QCommandLineOption namesOpt(QStringLiteral("names"), QStringLiteral("Number of known names."),
                                      QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption pagesOpt(QStringLiteral("pages"), QStringLiteral("Pages of ~3,000 characters."),
                                      QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Timed runs of find()."),
                                     QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption listedOpt(QStringLiteral("listed"), QStringLiteral("Entries of a loaded list."),
                                       QStringLiteral("n"), QStringLiteral("30000"));
    parser.addOptions({namesOpt, listedOpt, pagesOpt, runsOpt});
    parser.process(app);
    const int nNames = parser.value(namesOpt).toInt();
    const int pages = parser.value(pagesOpt).toInt();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const int nListed = std::max(0, parser.value(listedOpt).toInt());

    QRandomGenerator rng(20261122);
    QList<MentionPattern> patterns;
    patterns.reserve(nNames);
    for (int i = 0; i < nNames; ++i) {
        patterns.append({i + 1, name(rng, i)});
    }
    for (int i = 0; i < nListed; ++i) {
        patterns.append({i, name(rng, i), true});
        if (i % 3 == 0) {
            patterns.append({i, name(rng, i + 1), true}); // an alias
        }
    }
    // The document: English prose with a Chinese passage per page and a name every ~40 words.
    QString doc;
    doc.reserve(pages * 3100);
    int planted = 0;
    for (int p = 0; p < pages; ++p) {
        const qsizetype pageStart = doc.size();
        while (doc.size() - pageStart < 3000) {
            if (rng.bounded(40) == 0) {
                doc += patterns.at(int(rng.bounded(int(patterns.size())))).name;
                ++planted;
            } else if (rng.bounded(200) == 0) {
                for (int k = 0; k < 30; ++k) {
                    doc += QChar(HanChars[rng.bounded(int(std::size(HanChars)) - 1)]);
                }
            } else {
                doc += QLatin1String(Words[rng.bounded(int(std::size(Words)))]);
            }
            doc += rng.bounded(12) == 0 ? QStringLiteral(".\n") : QStringLiteral(" ");
        }
    }

    QTextStream out(stdout);
    QElapsedTimer wall;
    double cpu = cpuMs();
    wall.start();
    MentionFinder finder;
    finder.setPatterns(patterns);
    out << "names " << nNames << " of the case + " << patterns.size() - nNames << " of " << nListed
        << " listed entries (" << finder.patternCount() << " distinct once folded), build "
        << wall.elapsed() << " ms wall, " << qRound(cpuMs() - cpu) << " ms CPU\n";

    QList<double> wallMs, cpuTimes;
    qsizetype found = 0, listed = 0;
    for (int r = 0; r < runs; ++r) {
        cpu = cpuMs();
        wall.restart();
        const QList<Mention> mentions = finder.find(doc);
        found = mentions.size();
        listed = std::count_if(mentions.begin(), mentions.end(), [](const Mention &m) { return m.isListedOnly(); });
        wallMs << double(wall.nsecsElapsed()) / 1e6;
        cpuTimes << cpuMs() - cpu;
    }
    std::sort(wallMs.begin(), wallMs.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    const double medianCpu = cpuTimes.at(runs / 2);
    out << "document " << pages << " pages, " << doc.size() << " characters, " << planted << " names planted\n";
    out << "find: " << found << " mentions (" << listed << " of listed names only), median " << QString::number(wallMs.at(runs / 2), 'f', 1) << " ms wall, "
        << QString::number(medianCpu, 'f', 1) << " ms CPU (best " << QString::number(cpuTimes.first(), 'f', 1)
        << " ms) over " << runs << " runs; target 200 ms: " << (medianCpu < 200 ? "met" : "MISSED") << "\n";
    return medianCpu < 200 ? 0 : 1;
}
