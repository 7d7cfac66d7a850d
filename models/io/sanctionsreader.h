// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Base of the sanctions-list readers. Every listed party becomes an entity with an id derived
/// from the list's own identifier (so that a re-import, or the same party from another file of
/// the same list, merges), plus a Sanction entity `<party id>-sanction` whose `entity` names the
/// party and which carries the authority, programs, listing date and the list's other terms.
///
/// The party's schema follows the list's type: individuals are Person, vessels Vessel, aircraft
/// Airplane. Entities, and entries whose type is blank, are Organization, or Company when the
/// name carries a corporate legal form or names a bank (ImportValues::looksLikeCompany()).
class SanctionsReader : public BatchReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::SanctionsReader)
public:
    using BatchReader::BatchReader;

    /// The schema for a list's entry type ("individual", "Entity", "vessel", "" …) and name.
    static QString partySchema(const QString &type, const QString &name);

protected:
    /// The Sanction entity for the party `partyId` in the current batch.
    Entity &sanction(const QString &partyId, const QString &authority, const QString &country = {});
};

/// The US Consolidated Screening List (trade.gov) as CSV (a header row naming the columns:
/// source, name, alt_names, addresses, federal_register_notice, start_date, license_requirement,
/// license_policy, programs, source_list_url …; several values in a cell are separated by ";")
/// or as JSON (an array of results, or an object whose "results" array holds them).
/// Ids: `csl-<_id or id>`, else `csl-<list abbreviation>-<entity_number>`. The Sanction gets the
/// list's agency as authority, the list name and programs as program, start_date as listingDate
/// and startDate, the Federal Register citation as authorityId, the license review policy as
/// provisions and the license requirement as reason.
class CslReader final : public SanctionsReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CslReader)
    Q_DISABLE_COPY_MOVE(CslReader)
public:
    explicit CslReader(bool lenient = false);
    ~CslReader() override;
    qint64 bytesDone() const override;
    qint64 bytesTotal() const override;
    static int sniff(const QByteArray &head);

protected:
    Status openFile(const QString &path) override;
    Read readRecord() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// OFAC's legacy CSV tables (SDN and consolidated lists): no header, `-0-` for an empty cell,
/// CRLF lines and a final Ctrl-Z line. The primary table (12 columns: ent_num, SDN_Name,
/// SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks)
/// gives `ofac-<ent_num>` and its Sanction (authority OFAC, one program per "] [" part). When a
/// primary table is imported, the alias and address tables beside it (cons_prim → cons_alt and
/// cons_add; sdn → alt and add) are joined on ent_num. Imported on their own, the alias
/// (5 columns) and address (6 columns) tables add names and addresses to `ofac-<ent_num>` as a
/// LegalEntity, which a later import of the primary table makes specific.
class OfacCsvReader final : public SanctionsReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::OfacCsvReader)
    Q_DISABLE_COPY_MOVE(OfacCsvReader)
public:
    explicit OfacCsvReader(bool lenient = false);
    ~OfacCsvReader() override;
    qint64 bytesDone() const override;
    qint64 bytesTotal() const override;
    static int sniff(const QByteArray &head);

protected:
    Status openFile(const QString &path) override;
    Read readRecord() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Base of the XML list readers: streams the file with QXmlStreamReader and hands each entry
/// element to entry() as a small tree. A DTD that declares entities is refused (no entity
/// expansion attacks), as is any reference to an entity the reader cannot resolve.
class XmlSanctionsReader : public SanctionsReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::XmlSanctionsReader)
    Q_DISABLE_COPY_MOVE(XmlSanctionsReader)
public:
    explicit XmlSanctionsReader(bool lenient);
    ~XmlSanctionsReader() override;
    qint64 bytesDone() const final;
    qint64 bytesTotal() const final;

    /// One element with its text and child elements.
    struct Node {
        QString name;
        QString text;
        QList<Node> children;
        QMap<QString, QString> attributes;
        const Node *child(const QString &name) const;
        QList<const Node *> all(const QString &name) const;
        /// The trimmed, whitespace-simplified text of the first child called `name`.
        QString value(const QString &name) const;
    };

protected:
    Status openFile(const QString &path) final;
    Read readRecord() final;
    /// The expected root element (local name) and the entry elements inside it.
    virtual QString rootName() const = 0;
    virtual bool isEntry(const QString &name) const = 0;
    virtual Read entry(const Node &node) = 0;
    /// The root element's attributes.
    const QMap<QString, QString> &rootAttributes() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// OFAC's sdnList XML (namespace http://tempuri.org/sdnList.xsd, with its misspelt
/// publshInformation): each sdnEntry gives `ofac-<uid>` (the same id space as ent_num in the
/// CSV tables) with names, aliases, addresses, ids, dates and places of birth, vessel details,
/// and its Sanction (authority OFAC, programs, uid as authorityId).
class OfacXmlReader final : public XmlSanctionsReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::OfacXmlReader)
public:
    explicit OfacXmlReader(bool lenient = false) : XmlSanctionsReader(lenient) {}
    static int sniff(const QByteArray &head);

protected:
    QString rootName() const override;
    bool isEntry(const QString &name) const override;
    Read entry(const Node &node) override;
};

/// The UN Security Council consolidated list XML: each INDIVIDUAL or ENTITY gives
/// `un-<DATAID>` (names trimmed of stray spaces, aliases, addresses, documents, dates and places
/// of birth) and its Sanction (authority "UN Security Council", the UN list type as program,
/// LISTED_ON as listingDate, the reference number as unscId, the narrative as reason).
class UnXmlReader final : public XmlSanctionsReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::UnXmlReader)
public:
    explicit UnXmlReader(bool lenient = false) : XmlSanctionsReader(lenient) {}
    static int sniff(const QByteArray &head);

protected:
    QString rootName() const override;
    bool isEntry(const QString &name) const override;
    Read entry(const Node &node) override;
};

/// Extracts of the BIS Entity List as JSON: {generatedAt, entries: [{name, raw}]}, where raw is
/// the Federal Register entry text (aliases after "a.k.a." marked with "—", then addresses
/// separated by ";"), parsed roughly. Ids: `bis-<slug of the name>`; the Sanction has authority
/// BIS and program "Entity List". The companion file of name/translation pairs
/// ([{name, zh}, …]) adds the translated names as aliases to the same ids.
class BisReader final : public SanctionsReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::BisReader)
    Q_DISABLE_COPY_MOVE(BisReader)
public:
    explicit BisReader(bool lenient = false);
    ~BisReader() override;
    static int sniff(const QByteArray &head);

protected:
    Status openFile(const QString &path) override;
    Read readRecord() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models
