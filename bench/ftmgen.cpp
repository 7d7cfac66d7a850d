// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-ftmgen N OUT [SEED]: writes N synthetic FollowTheMoney entities as JSON lines.
// The mix resembles an ownership register: companies, people, and the ownerships and
// directorships between them (relationships point only at entities written earlier, so
// the file has no dangling references). Deterministic for a given seed.
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace {

const char *const kSyllables[] = {"an", "bel", "cor", "dan", "el", "fin", "gar", "hol", "in", "jon", "kar",
                                  "lum", "mor", "nor", "ost", "pra", "quin", "ros", "sun", "tor", "ul",
                                  "ver", "win", "xan", "yor", "zet", "shen", "hua", "jin", "long", "tian"};
const char *const kForms[] = {"Ltd", "LLC", "GmbH", "Holdings", "Group", "Technology Co., Ltd.", "SA", "Trading"};
const char *const kCountries[] = {"cn", "us", "gb", "de", "fr", "ru", "ae", "hk", "sg", "cy", "nl", "ch"};
const char *const kFirst[] = {"Wei", "Li", "Anna", "John", "Maria", "Omer", "Sophie", "Hu", "Marc", "Elena", "Ivan", "Aylin"};

QString word(QRandomGenerator &rng)
{
    QString w;
    const int n = 2 + int(rng.bounded(2));
    for (int i = 0; i < n; ++i) {
        w += QString::fromLatin1(kSyllables[rng.bounded(int(std::size(kSyllables)))]);
    }
    w[0] = w[0].toUpper();
    return w;
}

QString date(QRandomGenerator &rng)
{
    const int y = 1990 + int(rng.bounded(35));
    switch (rng.bounded(3)) {
    case 0:
        return QString::number(y);
    case 1:
        return QStringLiteral("%1-%2").arg(y).arg(1 + rng.bounded(12), 2, 10, QLatin1Char('0'));
    default:
        return QStringLiteral("%1-%2-%3").arg(y).arg(1 + rng.bounded(12), 2, 10, QLatin1Char('0')).arg(1 + rng.bounded(28), 2, 10, QLatin1Char('0'));
    }
}

QString makeId(quint32 seed, qint64 i)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray::number(seed) + "-" + QByteArray::number(i)), QCryptographicHash::Sha1).toHex());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: casegraph-ftmgen N OUT [SEED]\n");
        return 2;
    }
    const qint64 n = QByteArray(argv[1]).toLongLong();
    const quint32 seed = argc > 3 ? QByteArray(argv[3]).toUInt() : 42;
    QRandomGenerator rng(seed);
    QSaveFile out(QString::fromLocal8Bit(argv[2]));
    if (!out.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "%s: %s\n", argv[2], qPrintable(out.errorString()));
        return 1;
    }
    std::vector<qint64> companies, people;
    QByteArray buf;
    for (qint64 i = 0; i < n; ++i) {
        QJsonObject props;
        const auto put = [&](const char *k, const QString &v) {
            QJsonArray a = props.value(QLatin1String(k)).toArray();
            a.append(v);
            props.insert(QLatin1String(k), a);
        };
        QString schema;
        const int roll = int(rng.bounded(100));
        if (roll < 40 || companies.size() < 2 || people.empty()) {
            if (roll < 40 || companies.size() < 2) {
                schema = QStringLiteral("Company");
                put("name", word(rng) + QLatin1Char(' ') + word(rng) + QLatin1Char(' ') + QString::fromLatin1(kForms[rng.bounded(int(std::size(kForms)))]));
                if (rng.bounded(2)) {
                    put("alias", word(rng) + QLatin1Char(' ') + word(rng));
                }
                put("jurisdiction", QString::fromLatin1(kCountries[rng.bounded(int(std::size(kCountries)))]));
                put("registrationNumber", QString::number(rng.bounded(100000000)));
                put("incorporationDate", date(rng));
                companies.push_back(i);
            } else {
                schema = QStringLiteral("Person");
                const QString first = QString::fromLatin1(kFirst[rng.bounded(int(std::size(kFirst)))]);
                const QString last = word(rng);
                put("name", first + QLatin1Char(' ') + last);
                put("firstName", first);
                put("lastName", last);
                put("birthDate", date(rng));
                put("nationality", QString::fromLatin1(kCountries[rng.bounded(int(std::size(kCountries)))]));
                people.push_back(i);
            }
        } else if (roll < 65) {
            schema = QStringLiteral("Person");
            const QString first = QString::fromLatin1(kFirst[rng.bounded(int(std::size(kFirst)))]);
            const QString last = word(rng);
            put("name", first + QLatin1Char(' ') + last);
            put("firstName", first);
            put("lastName", last);
            put("birthDate", date(rng));
            put("nationality", QString::fromLatin1(kCountries[rng.bounded(int(std::size(kCountries)))]));
            people.push_back(i);
        } else if (roll < 88) {
            schema = QStringLiteral("Ownership");
            const bool byPerson = rng.bounded(3) == 0;
            const qint64 owner = byPerson ? people[rng.bounded(qint64(people.size()))] : companies[rng.bounded(qint64(companies.size()))];
            put("owner", makeId(seed, owner));
            put("asset", makeId(seed, companies[rng.bounded(qint64(companies.size()))]));
            put("percentage", QString::number(1 + rng.bounded(100)));
            put("startDate", date(rng));
        } else {
            schema = QStringLiteral("Directorship");
            put("director", makeId(seed, people[rng.bounded(qint64(people.size()))]));
            put("organization", makeId(seed, companies[rng.bounded(qint64(companies.size()))]));
            put("role", QStringLiteral("director"));
            put("startDate", date(rng));
        }
        QJsonObject o;
        o.insert(QLatin1String("id"), makeId(seed, i));
        o.insert(QLatin1String("schema"), schema);
        o.insert(QLatin1String("properties"), props);
        buf += QJsonDocument(o).toJson(QJsonDocument::Compact);
        buf += '\n';
        if (buf.size() > (1 << 20)) {
            out.write(buf);
            buf.clear();
        }
    }
    out.write(buf);
    return out.commit() ? 0 : 1;
}
