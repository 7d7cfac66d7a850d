// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "namematcher.h"
#include "namenormalizer.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

struct Entity;

/// One identifier value under its FtM property name (registrationNumber, leiCode, innCode,
/// taxNumber, ogrnCode …; "uscCode"/"unifiedSocialCreditCode" are accepted too).
struct Identifier {
    QString property;
    QString value;
    bool operator==(const Identifier &) const = default;
};

/// What screening needs of a party: a case entity or a list entry.
struct ScreeningRecord {
    QString id;
    QString schema;      ///< FtM schema; Person never meets an Organization
    QString caption;     ///< shown in results; the first name when empty
    QStringList names;   ///< name, alias, weakAlias, previousName …
    QList<Identifier> identifiers;
    QStringList countries; ///< ISO codes, lower case
    QStringList birthDates;         ///< FtM dates ("1971", "1971-01-22")
    QStringList incorporationDates;

    /// From an FtM entity: its name-typed properties, identifier-typed properties, countries
    /// (country, jurisdiction, nationality, citizenship, mainCountry) and dates.
    static ScreeningRecord fromEntity(const Entity &entity);
    /// The kind the name normaliser should assume for this schema.
    NameKind nameKind() const;
};

/// The kind of an identifier, for deciding whether two values are comparable.
/// Values are compared after upper-casing and dropping everything but letters and digits.
struct IdentifierKind {
    QString type;        ///< "LEI", "USCC", "INN", "OGRN", "REG", "TAX", or the property name
    bool strong = false; ///< unique per party (LEI, USCC, INN, OGRN): a disagreement weighs more

    static IdentifierKind of(const QString &property, const QString &normalizedValue);
    static QString normalizeValue(const QString &value);
    /// ISO 17442 check digits (ISO 7064 MOD 97-10).
    static bool isValidLei(const QString &normalizedValue);
    /// GB 32100-2015 check character of a Unified Social Credit Code.
    static bool isValidUscc(const QString &normalizedValue);
};

/// A record with its names normalised and identifiers classified; what the screener keeps.
struct PreparedRecord {
    ScreeningRecord record;
    QList<NormalizedName> names;
    struct PreparedIdentifier {
        QString property;
        QString value;      ///< normalised
        IdentifierKind kind;
    };
    QList<PreparedIdentifier> identifiers;
    /// Countries its names name ("Chinese Communist Party" → cn), for an organisation only:
    /// compared when the record gives no country.
    QStringList namedCountries;

    static PreparedRecord prepare(const ScreeningRecord &record, const NameNormalizer &normalizer);
};

/// Evidence from identifiers, countries and dates, for the explanation.
struct IdentifierEvidence {
    QString type;
    QString queryProperty;
    QString entryProperty;
    QString queryValue;
    QString entryValue;
    bool agrees = false;
};

/// A list entry that may be the screened party, with a score in [0, 1] and the reasons.
struct Candidate {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::Candidate)
public:
    QString queryId;
    QString entryId;
    QString entryCaption;
    double score = 0;     ///< final: name score adjusted by identifiers, country, dates
    double nameScore = 0; ///< the best name pair's score (legal form included), after the short-name rule
    /// The best pair rests on a short name (an acronym or one short word) and both parties have
    /// full names: the match is limited to the full names' score (fullNameScore).
    bool shortNameLimited = false;
    double fullNameScore = 0;
    QString shortName;     ///< the short name the best pair rests on
    QString fullQueryName; ///< the best comparable full names, when the rule was checked
    QString fullEntryName;
    NormalizedName queryName; ///< the query name of the best pair
    NormalizedName entryName; ///< the list name of the best pair
    NameComparison names;
    QList<IdentifierEvidence> identifiers;
    bool identifierAgrees = false;
    double identifierPenalty = 0;
    QStringList queryCountries;
    QStringList entryCountries;
    bool countryConflict = false;
    double countryAdjustment = 0; ///< negative when the countries conflict
    bool countriesFromNames = false; ///< a side's countries were read from its names (it gives none)
    QString dateProperty; ///< "birthDate" or "incorporationDate" when both sides had one
    QStringList queryDates;
    QStringList entryDates;
    bool dateConflict = false;
    bool dateAgrees = false;
    double dateAdjustment = 0;

    /// A translated paragraph a reporter can quote.
    QString explanation() const;
    /// Everything above as structured data (for casegraph-cli --json).
    QJsonObject toJson() const;
};

/// Adjustments applied on top of the name score. Defaults as in README.md.
struct EvidenceSettings {
    double strongIdentifierPenalty = 0.3; ///< LEI, USCC, INN, OGRN disagree
    double weakIdentifierPenalty = 0.15;  ///< registration or tax number disagrees
    double countryPenalty = 0.1;
    double birthDatePenalty = 0.2;
    double incorporationDatePenalty = 0.1;
    double dateAgreeBonus = 0.03;
};

/// Compares a prepared query with a prepared list entry: best name pair, then identifiers
/// (an agreement decides: score 1), countries and dates. Without `details` the candidate has
/// its scores and evidence but no token pairs (call again with details for the ones kept).
Candidate compareRecords(const PreparedRecord &query, const PreparedRecord &entry, const NameMatcher &matcher,
                         const EvidenceSettings &settings = {}, bool details = true);

} // namespace Casegraph::Models
