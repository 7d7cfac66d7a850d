// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

class CaseFile;

/// Two case entities that are probably one party, and why.
struct DuplicatePair {
    qint64 first = 0;  ///< entity row ids, first < second
    qint64 second = 0;
    QString firstCaption;
    QString secondCaption;
    QStringList reasons; ///< translated: "same normalised name “hikvision”", "shared LEI …", "shared address …"
    int weight = 0;      ///< identifiers 3, names 2, addresses 1, summed: the strongest first
};

/// Finds likely duplicates among a case's parties (legal entities, vessels, aircraft): the same
/// normalised name (NameNormalizer: transliteration, legal forms removed, word order ignored), a
/// shared identifier (LEI, USCC, registration, tax number … compared after normalisation) or a
/// shared address (the same Address entity, or the same address text once case, punctuation and
/// spaces are folded). Only entities that could be merged (one schema a kind of the other) pair up.
/// Groups larger than `maxGroup` (a common word, a registered-agent address) are skipped.
class DuplicateFinder {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::DuplicateFinder)
public:
    static QList<DuplicatePair> find(const QList<Entity> &entities, int maxGroup = 25);
    static QList<DuplicatePair> find(const CaseFile &caseFile, int maxGroup = 25);
};

} // namespace Casegraph::Models
