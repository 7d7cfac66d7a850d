// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Reads Beneficial Ownership Data Standard statements: a JSON array of statements (or JSON
/// lines), in the 0.2/0.3 shape (statementType, statementID or statementId, subject and
/// interestedParty "describedBy…Statement") and the 0.4 shape (recordType, recordId,
/// recordDetails, recordStatus, declarationSubject). Annotations are ignored.
///
/// Entities are keyed by what the statements use to refer to each other, so that references
/// resolve and later statements about the same thing merge: `bods-<statementID>` in 0.2/0.3,
/// `bods-<recordId>` in 0.4 (an "updated" statement adds to its record's entity).
///  - entity statements: Company (registered or legal entities), PublicBody (state, state
///    body) or Organization (arrangements, anonymous and unknown entities);
///  - person statements: Person;
///  - ownership-or-control / relationship statements: Ownership from the interested party
///    (owner) to the subject (asset), with every interest's type (ownershipType), share as
///    percentage ("25%" exact; "25-50%", "at least 25%", "more than 25%", "up to 50%" or
///    "less than 50%" for ranges) and start and end dates as given. A closed record gets
///    status "closed".
/// Memory is bounded by the largest statement: the array is streamed.
class BodsReader final : public BatchReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::BodsReader)
    Q_DISABLE_COPY_MOVE(BodsReader)
public:
    explicit BodsReader(bool lenient = false);
    ~BodsReader() override;


    /// Confidence (0-100) that a file starting with `head` holds BODS statements.
    static int sniff(const QByteArray &head);
    /// The percentage text for a BODS share object, or "" when it gives no figure.
    static QString shareText(double exact, double minimum, double maximum, bool exclusiveMinimum,
                             bool exclusiveMaximum);

protected:
    Status openFile(const QString &path) override;
    Read readRecord() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models
