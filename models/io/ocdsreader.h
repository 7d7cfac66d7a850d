// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Reads Open Contracting Data Standard files: release packages, record packages, and bare
/// releases or records without a package, in OCDS 1.0 and 1.1 and the common deviations of real
/// publishers (awards as an object, tag as a string, `extensions: [null]`, extra keys such as
/// packageInfo, validationErrors or `_id`, empty strings for absent amounts and dates).
///
/// Each release gives:
///  - one entity per party, id `ocds-party-<ocid prefix>-<party id>`, so that the same party in
///    another release of the same publisher is the same entity. Parties come from `parties` and
///    from the organisation references of OCDS 1.0 (buyer, procuringEntity, tenderers, suppliers).
///    A party id that embeds the ocid is local to one process: the organisation identifier is
///    used instead. Schema: PublicBody for buyers, procuring entities, payers and review bodies;
///    Company for suppliers, tenderers and payees; Organization otherwise. Roles go to `keywords`.
///  - a Contract for the process, id `ocds-tender-<ocid>`, from the tender (ocid as
///    procedureNumber), and one Contract per contract, id `ocds-contract-<ocid>-<contract id>`;
///  - one ContractAward per award and supplier, id `ocds-award-<ocid>-<award id>[-<supplier>]`,
///    linking the process Contract (and the contracts made under the award) to the supplier,
///    with amount and currency kept apart, dates, status and the ocid as recordId.
/// A record gives its compiledRelease, or its embedded releases when it has none.
///
/// Packages are streamed: memory is bounded by the largest release, not the file. Errors name
/// the line and column where the offending release starts, and the release's number.
class OcdsReader final : public BatchReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::OcdsReader)
    Q_DISABLE_COPY_MOVE(OcdsReader)
public:
    explicit OcdsReader(bool lenient = false);
    ~OcdsReader() override;

    /// Confidence (0-100) that a file starting with `head` is OCDS JSON.
    static int sniff(const QByteArray &head);

protected:
    Status openFile(const QString &path) override;
    Read readRecord() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models
