// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// casegraph-screenbench: quality and speed of name screening.
//  1. precision/recall/F1 of the name matcher on the labelled pairs (tests/fixtures/screening/pairs.tsv)
//     at several thresholds;
//  2. time to screen N synthetic case entities against M synthetic list entries with aliases
//     (Latin, Cyrillic, Han, Arabic and Greek names; some case entities are planted variants of
//     list entries), and the peak RSS.
// --explain LEFT RIGHT and --normalize NAME show what the matcher does with one pair or name.

#include "screening/namematcher.h"
#include "screening/namenormalizer.h"
#include "screening/pairevaluation.h"
#include "screening/referencelists.h"
#include "screening/screener.h"
#include "io/ftmwriter.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/referenceliststore.h"
#include "storage/sqlite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <time.h>

using namespace Casegraph::Models;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// CPU time of the process: on a machine shared with other builds, wall time overstates.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// ---- synthetic names --------------------------------------------------------------------

class Generator {
public:
    explicit Generator(quint32 seed) : m_rng(seed) {}

    int pick(int n) { return int(m_rng.bounded(n)); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    template <typename T> const T &any(const QList<T> &list) { return list.at(pick(int(list.size()))); }

    QString latinWord(int syllables)
    {
        static const QStringList onsets = {QStringLiteral("b"), QStringLiteral("k"), QStringLiteral("d"), QStringLiteral("v"),
                                           QStringLiteral("z"), QStringLiteral("t"), QStringLiteral("m"), QStringLiteral("n"),
                                           QStringLiteral("r"), QStringLiteral("l"), QStringLiteral("s"), QStringLiteral("p"),
                                           QStringLiteral("g"), QStringLiteral("tr"), QStringLiteral("st"), QStringLiteral("kr"),
                                           QStringLiteral("f"), QStringLiteral("h"), QStringLiteral("sh"), QStringLiteral("br")};
        static const QStringList vowels = {QStringLiteral("a"), QStringLiteral("e"), QStringLiteral("i"), QStringLiteral("o"),
                                           QStringLiteral("u"), QStringLiteral("ia"), QStringLiteral("ei"), QStringLiteral("ou")};
        static const QStringList codas = {QString(), QString(), QStringLiteral("n"), QStringLiteral("r"), QStringLiteral("x"),
                                          QStringLiteral("s"), QStringLiteral("l"), QStringLiteral("m"), QStringLiteral("k")};
        QString w;
        for (int i = 0; i < syllables; ++i) {
            w += any(onsets) + any(vowels) + (i + 1 == syllables ? any(codas) : QString());
        }
        w[0] = w[0].toUpper();
        return w;
    }

    QString cyrillicWord(int syllables)
    {
        static const QStringList onsets = {QStringLiteral("б"), QStringLiteral("к"), QStringLiteral("д"), QStringLiteral("в"),
                                           QStringLiteral("з"), QStringLiteral("т"), QStringLiteral("м"), QStringLiteral("н"),
                                           QStringLiteral("р"), QStringLiteral("л"), QStringLiteral("с"), QStringLiteral("ж"),
                                           QStringLiteral("х"), QStringLiteral("ч"), QStringLiteral("ш"), QStringLiteral("щ")};
        static const QStringList vowels = {QStringLiteral("а"), QStringLiteral("е"), QStringLiteral("и"), QStringLiteral("о"),
                                           QStringLiteral("у"), QStringLiteral("я"), QStringLiteral("ю"), QStringLiteral("ы")};
        QString w;
        for (int i = 0; i < syllables; ++i) {
            w += any(onsets) + any(vowels);
        }
        w += chance(0.5) ? QStringLiteral("в") : QStringLiteral("н");
        w[0] = w[0].toUpper();
        return w;
    }

    QString hanWord(int chars)
    {
        // Half from characters common in company names, half from the whole basic CJK block.
        static const QString pool = QStringLiteral("华海康威视东方网力中天明光远恒通达信安泰宏盛鑫源隆昌兴瑞丰鼎辉星宇博嘉诚金银");
        QString w;
        for (int i = 0; i < chars; ++i) {
            w += chance(0.5) ? pool.at(pick(int(pool.size()))) : QChar(char16_t(0x4E00 + pick(0x51A5)));
        }
        return w;
    }

    QString arabicWord(int syllables)
    {
        static const QStringList letters = {QStringLiteral("ب"), QStringLiteral("ت"), QStringLiteral("د"), QStringLiteral("ر"),
                                            QStringLiteral("س"), QStringLiteral("ك"), QStringLiteral("ل"), QStringLiteral("م"),
                                            QStringLiteral("ن"), QStringLiteral("ق"), QStringLiteral("ح"), QStringLiteral("ع")};
        static const QStringList vowels = {QStringLiteral("ا"), QStringLiteral("ي"), QStringLiteral("و"), QString()};
        QString w;
        for (int i = 0; i < syllables; ++i) {
            w += any(letters) + any(vowels);
        }
        return w + any(letters);
    }

    QString greekWord(int syllables)
    {
        static const QStringList onsets = {QStringLiteral("Κ"), QStringLiteral("Π"), QStringLiteral("Τ"), QStringLiteral("Μ"),
                                           QStringLiteral("Ν"), QStringLiteral("Λ"), QStringLiteral("Σ"), QStringLiteral("Δ")};
        static const QStringList vowels = {QStringLiteral("α"), QStringLiteral("ε"), QStringLiteral("ο"), QStringLiteral("ι")};
        QString w;
        for (int i = 0; i < syllables; ++i) {
            w += (i == 0 ? any(onsets) : any(onsets).toLower()) + any(vowels);
        }
        return w + QStringLiteral("ς");
    }

    // A list entry: names in one script, romanised aliases, legal forms, identifiers.
    ScreeningRecord entity(int index)
    {
        static const QStringList generic = {QStringLiteral("Technology"), QStringLiteral("Group"), QStringLiteral("International"),
                                            QStringLiteral("Holding"), QStringLiteral("Trading"), QStringLiteral("Industrial"),
                                            QStringLiteral("Electronics"), QStringLiteral("Logistics"), QStringLiteral("Energy"),
                                            QStringLiteral("Systems"), QStringLiteral("Investment"), QStringLiteral("Bank")};
        static const QStringList places = {QStringLiteral("Beijing"), QStringLiteral("Shanghai"), QStringLiteral("Moscow"),
                                           QStringLiteral("Dubai"), QStringLiteral("Shenzhen"), QStringLiteral("Minsk"),
                                           QStringLiteral("Tehran"), QStringLiteral("Hangzhou"), QString(), QString(), QString()};
        static const QStringList forms = {QStringLiteral("LLC"), QStringLiteral("Co., Ltd."), QStringLiteral("GmbH"),
                                          QStringLiteral("JSC"), QStringLiteral("Limited"), QStringLiteral("S.A."),
                                          QStringLiteral("Corporation"), QString()};
        ScreeningRecord r;
        r.id = QStringLiteral("e%1").arg(index);
        const bool person = chance(0.4);
        r.schema = person ? QStringLiteral("Person") : QStringLiteral("Company");
        const int script = pick(100);
        QString name;
        QStringList aliases;
        if (script < 55) { // Latin
            if (person) {
                name = latinWord(2) + QLatin1Char(' ') + latinWord(2 + pick(2));
                aliases << name.section(QLatin1Char(' '), 1) + QStringLiteral(", ") + name.section(QLatin1Char(' '), 0, 0);
            } else {
                const QString brand = latinWord(2 + pick(2));
                name = QString(any(places) + QLatin1Char(' ') + brand + QLatin1Char(' ') + any(generic) + QLatin1Char(' ') + any(forms)).simplified();
                aliases << QString(brand + QLatin1Char(' ') + any(forms)).simplified();
            }
        } else if (script < 75) { // Cyrillic with a romanised alias
            name = person ? cyrillicWord(2) + QLatin1Char(' ') + cyrillicWord(3)
                          : QStringLiteral("ООО «%1 %2»").arg(cyrillicWord(2), cyrillicWord(3));
            aliases << NameNormalizer::toLatin(name, NameScript::Cyrillic);
        } else if (script < 90) { // Han with a pinyin alias
            const QString core = hanWord(2 + pick(3));
            name = person ? core.left(3) : core + (chance(0.5) ? QStringLiteral("科技有限公司") : QStringLiteral("集团股份有限公司"));
            aliases << NameNormalizer::toLatin(core, NameScript::Han);
        } else if (script < 96) { // Arabic
            name = arabicWord(2) + QLatin1Char(' ') + arabicWord(2);
            aliases << NameNormalizer::toLatin(name, NameScript::Arabic);
        } else { // Greek
            name = greekWord(2) + QLatin1Char(' ') + greekWord(3);
            aliases << NameNormalizer::toLatin(name, NameScript::Greek);
        }
        r.names << name << aliases;
        if (chance(0.3)) {
            r.identifiers << Identifier{QStringLiteral("registrationNumber"), QString::number(1000000000ULL + m_rng.bounded(900000000))};
        }
        r.countries << any(QStringList{QStringLiteral("cn"), QStringLiteral("ru"), QStringLiteral("ir"), QStringLiteral("by"),
                                       QStringLiteral("ae"), QStringLiteral("us")});
        return r;
    }

    // A case entity derived from a list entry: one of its names, slightly changed.
    ScreeningRecord variantOf(const ScreeningRecord &source, int index)
    {
        ScreeningRecord r;
        r.id = QStringLiteral("c%1").arg(index);
        r.schema = source.schema;
        QString name = source.names.at(pick(int(source.names.size())));
        switch (pick(4)) {
        case 0: { // a typo in a long word
            const int at = 1 + pick(std::max(1, int(name.size()) - 2));
            if (name.at(at).isLetter() && name.size() > 8) {
                name.remove(at, 1);
            }
            break;
        }
        case 1: // upper case and a legal form
            name = name.toUpper() + (r.schema == QLatin1String("Company") ? QStringLiteral(" LIMITED") : QString());
            break;
        case 2: { // word order
            QStringList words = name.split(QLatin1Char(' '));
            std::reverse(words.begin(), words.end());
            name = words.join(QLatin1Char(' '));
            break;
        }
        default:
            break;
        }
        r.names << name;
        return r;
    }

private:
    QRandomGenerator m_rng;
};

void printFigures(const PairEvaluation &eval, const QString &title)
{
    out() << title << Qt::endl;
    out() << "threshold  precision  recall  F1     TP  FP  FN  TN" << Qt::endl;
    const double defaultThreshold = ScreeningSettings().threshold;
    QList<double> thresholds = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};
    if (!thresholds.contains(defaultThreshold)) {
        thresholds << defaultThreshold;
        std::sort(thresholds.begin(), thresholds.end());
    }
    for (double t : thresholds) {
        const auto f = eval.at(t);
        out() << QString::asprintf("%5.2f%s     %.3f      %.3f   %.3f  %3d %3d %3d %3d", t,
                                   t == defaultThreshold ? "*" : " ", f.precision(), f.recall(), f.f1(), f.truePositives,
                                   f.falsePositives, f.falseNegatives, f.trueNegatives)
              << Qt::endl;
    }
    out() << "(* default threshold)" << Qt::endl;
    const auto errors = eval.errors(defaultThreshold);
    if (!errors.isEmpty()) {
        out() << "Misclassified at the default threshold:" << Qt::endl;
        for (const auto &e : errors) {
            out() << QString::asprintf("  %.3f  expected %d  ", e.score, e.pair.expected ? 1 : 0) << e.pair.left << "  |  "
                  << e.pair.right << "  (" << e.pair.note << ")" << Qt::endl;
        }
    }
}

// The figures twice: token rarity from the labelled set alone, and with real lists as the
// background (what screening against a loaded list sees); the README reports the second.
int runPairs(const QString &path, const QStringList &backgroundPaths)
{
    auto pairs = PairEvaluation::load(path);
    if (!pairs) {
        out() << pairs.error().toString() << Qt::endl;
        return 1;
    }
    int positives = 0;
    for (const auto &p : *pairs) {
        positives += p.expected ? 1 : 0;
    }
    out() << "Labelled pairs: " << pairs->size() << " (" << positives << " match, " << pairs->size() - positives
          << " no match) from " << path << Qt::endl;
    printFigures(PairEvaluation(*pairs), QStringLiteral("\nToken weights from the labelled set alone:"));
    if (backgroundPaths.isEmpty()) {
        return 0;
    }
    auto background = PairEvaluation::readLists(backgroundPaths);
    if (!background) {
        out() << background.error().toString() << Qt::endl;
        return 1;
    }
    QStringList names;
    for (const QString &p : backgroundPaths) {
        names << QFileInfo(p).fileName();
    }
    printFigures(PairEvaluation(*pairs, {}, *background),
                 QStringLiteral("\nToken weights with real lists as background (%1 parties: %2):")
                     .arg(background->size())
                     .arg(names.join(QLatin1String(", "))));
    return 0;
}

int runSpeed(int caseCount, int listCount, int threads, const ScreeningSettings &settings, bool showMisses)
{
    Generator gen(20240517);
    QList<ScreeningRecord> list;
    list.reserve(listCount);
    int aliases = 0;
    for (int i = 0; i < listCount; ++i) {
        list << gen.entity(i);
        aliases += int(list.back().names.size());
    }
    QList<ScreeningRecord> parties;
    QList<int> planted; // list index each planted party came from, -1 for none
    for (int i = 0; i < caseCount; ++i) {
        if (gen.chance(0.1)) {
            const int source = gen.pick(listCount);
            parties << gen.variantOf(list.at(source), i);
            planted << source;
        } else {
            ScreeningRecord r = gen.entity(listCount + i);
            r.id = QStringLiteral("c%1").arg(i);
            parties << r;
            planted << -1;
        }
    }
    out() << "Synthetic list: " << listCount << " entries, " << aliases << " names with aliases; case: " << caseCount
          << " entities (" << planted.size() - planted.count(-1) << " planted variants)" << Qt::endl;

    QElapsedTimer timer;
    timer.start();
    double cpu = cpuSeconds();
    Screener screener(settings);
    screener.setList(list, 1);
    const qint64 indexMs = timer.elapsed();
    const double indexCpu = cpuSeconds() - cpu;
    for (int t : {1, threads}) {
        qint64 indexWall = indexMs;
        if (t > 1) { // index again on t threads
            timer.restart();
            screener.setList(list, t);
            indexWall = timer.elapsed();
        }
        timer.restart();
        cpu = cpuSeconds();
        const auto results = screener.screenAll(parties, t);
        const qint64 screenMs = timer.elapsed();
        const double screenCpu = cpuSeconds() - cpu;
        int found = 0;
        int plantedCount = 0;
        qsizetype candidates = 0;
        for (qsizetype i = 0; i < parties.size(); ++i) {
            candidates += results.at(i).size();
            if (planted.at(i) < 0) {
                continue;
            }
            ++plantedCount;
            const QString source = list.at(planted.at(i)).id;
            const bool hit = std::any_of(results.at(i).cbegin(), results.at(i).cend(),
                                         [&](const Candidate &c) { return c.entryId == source; });
            found += hit ? 1 : 0;
            if (!hit && showMisses && t == 1) {
                const Candidate c = screener.compare(parties.at(i), planted.at(i));
                out() << "  missed: " << parties.at(i).names.first() << "  |  " << list.at(planted.at(i)).names.join(QLatin1String(" / "))
                      << QString::asprintf("  (%.2f)", c.score) << Qt::endl;
            }
        }
        out() << QString::asprintf("threads %d: index %lld ms wall (%.2f s CPU on 1 thread), screening %lld ms wall (%.2f s CPU), "
                                   "total %.2f s wall; %.1f candidates per 100 parties; planted variants found %d/%d",
                                   t, indexWall, indexCpu, screenMs, screenCpu, double(indexWall + screenMs) / 1000.0,
                                   100.0 * double(candidates) / double(parties.size()), found, plantedCount)
              << Qt::endl;
        if (t == threads) {
            break;
        }
    }
    out() << "peak RSS: " << peakRssKb() / 1024 << " MiB" << Qt::endl;
    return 0;
}

// A synthetic record as an FtM entity: first name as `name`, the others as `alias`.
Entity toEntity(const ScreeningRecord &r)
{
    Entity e;
    e.id = r.id;
    e.schema = r.schema;
    for (qsizetype i = 0; i < r.names.size(); ++i) {
        e.add(i == 0 ? QStringLiteral("name") : QStringLiteral("alias"), r.names.at(i));
    }
    for (const auto &id : r.identifiers) {
        e.add(id.property, id.value);
    }
    for (const auto &c : r.countries) {
        e.add(QStringLiteral("country"), c);
    }
    for (const auto &d : r.birthDates) {
        e.add(QStringLiteral("birthDate"), d);
    }
    for (const auto &d : r.incorporationDates) {
        e.add(QStringLiteral("incorporationDate"), d);
    }
    return e;
}

// The same synthetic data through the case file: the list stored as a reference-list version,
// the parties as case entities, then CaseScreening::run() as `casegraph-cli screen` does it
// (reading the entries back, building the screener, screening, recording the run).
int runStored(int caseCount, int listCount, const ScreeningSettings &settings)
{
    Generator gen(20240517);
    QTemporaryDir dir;
    CaseFile cf;
    if (auto st = cf.create(dir.filePath(QStringLiteral("bench.casegraph"))); !st) {
        out() << st.error().toString() << Qt::endl;
        return 1;
    }
    QList<ReferenceEntry> entries;
    QList<ScreeningRecord> list;
    for (int i = 0; i < listCount; ++i) {
        list << gen.entity(i);
        const Entity e = toEntity(list.back());
        QByteArray line;
        FtmWriter::appendLine(line, e);
        ReferenceEntry x;
        x.id = e.id;
        x.schema = e.schema;
        x.caption = e.first(QStringLiteral("name"));
        x.digest = QString::number(i);
        x.data = QJsonObject{{QStringLiteral("entity"), QJsonDocument::fromJson(line).object()}};
        entries << x;
    }
    ReferenceListVersion version;
    version.listName = QStringLiteral("synthetic");
    version.sha256 = version.fileName = version.format = QStringLiteral("-");
    QElapsedTimer timer;
    timer.start();
    if (auto id = cf.referenceLists().addVersion(version, entries); !id) {
        out() << id.error().toString() << Qt::endl;
        return 1;
    }
    const qint64 storeMs = timer.elapsed();
    {
        Sql::Transaction tx(cf.database());
        const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("bench"));
        for (int i = 0; i < caseCount; ++i) {
            ScreeningRecord r = gen.chance(0.1) ? gen.variantOf(list.at(gen.pick(listCount)), i) : gen.entity(listCount + i);
            r.id = QStringLiteral("case-%1").arg(i);
            if (!cf.entities().create(toEntity(r), prov)) {
                return 1;
            }
        }
        if (!tx.commit()) {
            return 1;
        }
    }
    ScreeningRequest request;
    request.versionId = version.id;
    request.settings = settings;
    timer.restart();
    const double cpu = cpuSeconds();
    const auto outcome = CaseScreening::run(cf, request);
    if (!outcome) {
        out() << outcome.error().toString() << Qt::endl;
        return 1;
    }
    out() << QString::asprintf("stored list: %d entries written in %lld ms; CaseScreening::run of %lld case entities: "
                               "%lld ms wall, %.2f s CPU (all threads), %lld candidates",
                               listCount, storeMs, outcome->run.screened, timer.elapsed(), cpuSeconds() - cpu,
                               qint64(outcome->matches.size()))
          << Qt::endl;
    out() << "peak RSS: " << peakRssKb() / 1024 << " MiB" << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Name screening: precision/recall on labelled pairs, and speed."));
    parser.addHelpOption();
    const QCommandLineOption pairsOpt(QStringLiteral("pairs"), QStringLiteral("Labelled pairs (TSV)."), QStringLiteral("file"),
                                      QStringLiteral(CASEGRAPH_SOURCE_DIR "/tests/fixtures/screening/pairs.tsv"));
    const QCommandLineOption caseOpt(QStringLiteral("entities"), QStringLiteral("Synthetic case entities."), QStringLiteral("n"),
                                     QStringLiteral("10000"));
    const QCommandLineOption listOpt(QStringLiteral("list"), QStringLiteral("Synthetic list entries."), QStringLiteral("n"),
                                     QStringLiteral("30000"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Threads for the second run."),
                                        QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption explainOpt(QStringLiteral("explain"), QStringLiteral("Compare the two names given as arguments."));
    const QCommandLineOption normalizeOpt(QStringLiteral("normalize"), QStringLiteral("Normalise the names given as arguments."));
    const QCommandLineOption skipSpeed(QStringLiteral("no-speed"), QStringLiteral("Only the labelled pairs."));
    const QCommandLineOption comparedOpt(QStringLiteral("max-compared"), QStringLiteral("ScreeningSettings::maxCompared."),
                                         QStringLiteral("n"), QString::number(ScreeningSettings().maxCompared));
    const QCommandLineOption ratioOpt(QStringLiteral("blocking-ratio"), QStringLiteral("ScreeningSettings::blockingRatio."),
                                      QStringLiteral("r"), QString::number(ScreeningSettings().blockingRatio));
    const QCommandLineOption missesOpt(QStringLiteral("misses"), QStringLiteral("List planted variants that were not found."));
    const QCommandLineOption storedOpt(QStringLiteral("stored"),
                                       QStringLiteral("Time the screening through a case file (stored list, case entities)."));
    const QCommandLineOption backgroundOpt(
        QStringLiteral("background"),
        QStringLiteral("List files (comma-separated) whose token frequencies weigh the words; default: the real lists of the shared test data."),
        QStringLiteral("files"));
    parser.addOptions({backgroundOpt, pairsOpt, caseOpt, listOpt, threadsOpt, explainOpt, normalizeOpt, skipSpeed, comparedOpt, ratioOpt,
                       missesOpt, storedOpt});
    parser.process(app);

    if (parser.isSet(normalizeOpt)) {
        const NameNormalizer normalizer;
        for (const QString &name : parser.positionalArguments()) {
            const NormalizedName n = normalizer.normalize(name, NameKind::Unknown);
            out() << name << "  →  [" << n.text() << "]  form=" << n.legalForm << "  script="
                  << NameNormalizer::scriptName(n.script) << Qt::endl;
            for (const auto &t : n.tokens) {
                out() << "    " << t.text << "  keys=" << t.keys.join(QLatin1Char(',')) << "  skel=" << t.skeleton
                      << "  prior=" << t.prior << "  flags=" << t.flags
                      << (t.alternatives.isEmpty() ? QString() : QStringLiteral("  alt=") + t.alternatives.join(QLatin1Char('|')))
                      << Qt::endl;
            }
            if (!n.pinyinTokens.isEmpty()) {
                QStringList p;
                for (const auto &t : n.pinyinTokens) {
                    p << t.text;
                }
                out() << "    pinyin reading: " << p.join(QLatin1Char(' ')) << Qt::endl;
            }
            for (const auto &s : n.trace) {
                out() << "    · " << s.describe() << Qt::endl;
            }
        }
        return 0;
    }
    if (parser.isSet(explainOpt)) {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 2) {
            out() << "--explain needs two names" << Qt::endl;
            return 2;
        }
        QList<LabelledPair> pairs;
        if (auto loaded = PairEvaluation::load(parser.value(pairsOpt))) {
            pairs = *loaded;
        }
        pairs << LabelledPair{args.at(0), args.at(1), true, QString(), 0};
        QList<ScreeningRecord> background;
        if (parser.isSet(backgroundOpt)) {
            if (auto read = PairEvaluation::readLists(parser.value(backgroundOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))) {
                background = *read;
            }
        }
        const PairEvaluation eval(pairs, {}, background);
        Candidate c;
        const NormalizedName a = eval.normalizer().normalize(args.at(0));
        const NormalizedName b = eval.normalizer().normalize(args.at(1));
        c.names = eval.matcher().compare(a, b);
        c.queryName = a;
        c.entryName = b;
        c.score = c.nameScore = c.names.score;
        out() << c.explanation() << Qt::endl;
        for (const auto &x : a.tokens) {
            for (const auto &y : b.tokens) {
                QString method;
                const double sim = eval.matcher().tokenSimilarity(x, y, &method);
                out() << "  " << x.text << " ~ " << y.text << ": " << QString::number(sim, 'f', 3) << " " << method
                      << "  JW=" << QString::number(NameMatcher::jaroWinkler(x.text, y.text), 'f', 3)
                      << " lev=" << NameMatcher::levenshtein(x.text, y.text) << "  w=" << eval.matcher().weight(x) << "/"
                      << eval.matcher().weight(y) << Qt::endl;
            }
        }
        out() << QJsonDocument(c.toJson()).toJson(QJsonDocument::Indented);
        return 0;
    }
    const QStringList background = parser.isSet(backgroundOpt)
                                       ? parser.value(backgroundOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)
                                       : PairEvaluation::backgroundFiles(QStringLiteral(CASEGRAPH_TESTDATA_DIR));
    if (runPairs(parser.value(pairsOpt), background) != 0) {
        return 1;
    }
    if (parser.isSet(skipSpeed)) {
        return 0;
    }
    ScreeningSettings settings;
    settings.maxCompared = parser.value(comparedOpt).toInt();
    settings.blockingRatio = parser.value(ratioOpt).toDouble();
    if (parser.isSet(storedOpt)) {
        return runStored(parser.value(caseOpt).toInt(), parser.value(listOpt).toInt(), settings);
    }
    return runSpeed(parser.value(caseOpt).toInt(), parser.value(listOpt).toInt(), parser.value(threadsOpt).toInt(), settings,
                    parser.isSet(missesOpt));
}
