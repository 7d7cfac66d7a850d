// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "recordreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

#include <deque>

namespace Casegraph::Models {

class Schema;

/// What GexfReader and GraphmlReader share: turning the nodes and edges of a graph file into
/// entities. The subclasses read their XML dialect into Elements; this class maps them:
///
///  - Schema: an attribute titled schema, type or kind whose value names an FtM schema
///    (case-insensitive: "company", "Person") gives the schema; otherwise nodes are LegalEntity
///    and edges UnknownLink (subject → object). An edge schema on an edge puts the ends into its
///    source and target properties (Ownership: owner → asset).
///  - Id: an `ftm_id` attribute (our exporters write it) is used as is. Otherwise the id is
///    derived from the file name and the file's own id, `gexf-`/`graphml-` + SHA-1, so importing
///    the same file again merges instead of duplicating. Edges without an id use their ends and
///    their position among parallel edges.
///  - Attributes whose title is a property of the schema (case-insensitive) become that property
///    when the value is valid for it; all others are kept as text, "title: value", in the
///    schema's notes (or description, for relationships). The node label becomes the name and
///    the edge label the role, unless the element carries `ftm_id` (then the label is display
///    text our exporter wrote). Nodes without a label are named by their id.
///  - Time: start/end attributes and spells become startDate/endDate (GEXF dates, datetimes,
///    and numeric years); explicit startDate/endDate attributes win over them.
///
/// XML safety: a document type declaration with entity declarations is refused before any
/// entity is read (no billion laughs, no external entities); a malformed or truncated file is an
/// error with its line and column. Both are failures even in lenient mode, since reading cannot
/// go on. An edge to a node the file does not declare is a bad record (rejected in lenient mode).
class GraphXmlReader : public RecordReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphXmlReader)
    Q_DISABLE_COPY_MOVE(GraphXmlReader)
public:
    ~GraphXmlReader() override;

    Status open(const QString &path, const QString &displayName = {}) final;
    Step next(Entity &entity) final;
    const Error &error() const final;
    qint64 line() const final;
    qint64 bytesDone() const final;
    qint64 bytesTotal() const final;

    /// True when the first element in a file's head (after the XML declaration, comments and a
    /// DOCTYPE) is `rootElement`, with or without a namespace prefix. For format sniffers.
    static bool headHasRoot(const QByteArray &head, const char *rootElement);

protected:
    /// A node or edge as the file gives it.
    struct Element {
        bool edge = false;
        QString fileId;
        QString label;
        QString source, target; ///< edges: file ids of the ends
        QString kind;           ///< GEXF 1.3 edge kind
        QString weight;
        QList<QPair<QString, QStringList>> attributes; ///< title → values
        QList<QPair<QString, QString>> spells;         ///< start, end (either may be empty)
        qint64 line = 0;
        qint64 column = 0;
        bool emitted = false;
    };

    GraphXmlReader(bool lenient, const QString &idPrefix);

    /// The dialect's root element ("gexf") and its name in messages ("GEXF").
    virtual QStringView rootElement() const = 0;
    virtual QString formatName() const = 0;
    /// A start element in the document's namespace, below the root.
    virtual void startElement() = 0;
    /// The node or edge on top of m_stack is complete: apply defaults, then queueFinished().
    virtual void finishElement() = 0;
    /// The end of another element of the document's namespace (declarations such as <key>).
    virtual void endOtherElement(QStringView name) { Q_UNUSED(name) }
    /// Called from open() after the XML reader is set up; resets the subclass's state.
    virtual void reset() = 0;

    void addElement(const Element &element);
    /// Gives `element` a declared attribute's default value unless it carries that attribute.
    static void addDefault(Element &element, const QString &title, const QString &defaultValue, bool list);
    /// Queues a finished node or edge (and counts it in m_queued): an edge without both ends is
    /// a bad record.
    void queueFinished(const Element &element);
    /// A bad record at the reader's position: rejected in lenient mode, fatal in strict mode.
    void addBadRecord(const QString &message);
    /// Ends the read with an error (and the XML reader's position).
    bool fail(const QString &message);
    /// Checks a token for XML features we refuse; false (after fail()) for a DTD with entities.
    bool tokenIsSafe();
    /// fail() with the XML reader's own error, if any. Returns false.
    bool xmlError();
    /// Splits an attribute value declared as a list: a JSON array (our exporters), "[a, b]"
    /// or "a|b" (GEXF 1.2 list types).
    static QStringList splitList(const QString &value);

    QXmlStreamReader m_xml;
    QString m_name;
    QList<Element> m_stack; ///< open nodes and edges (nodes nest in hierarchies)
    qsizetype m_queued = 0; ///< elements and bad records handed on so far

private:
    struct Item {
        bool ok = true;
        Entity entity;
        Error error;
        qint64 line = 0;
    };
    /// Reads on until at least one element was queued or the document ends. Returns false at
    /// the end or on an error (then fail() was called).
    bool readMore();
    void build(const Element &element);
    QString nodeEntityId(const Element &element) const;
    const Schema *schemaFor(const Element &element, qsizetype &consumed) const;
    void addTime(Entity &entity, const Schema &schema, const QString &property, const QString &text,
                 const QString &textProperty);

    bool m_rootSeen = false;
    QString m_namespace;
    bool m_lenient;
    QString m_prefix;
    QString m_scope; ///< the file name, which scopes file-local ids
    QFile m_file;
    Error m_error;
    qint64 m_line = 0;
    bool m_finished = false;
    bool m_failed = false;
    std::deque<Item> m_queue;
    QHash<QString, QString> m_nodeIds; ///< file id → entity id
    QHash<QString, int> m_parallel;    ///< "source\x1Ftarget" → edges without id seen so far
    QList<Element> m_deferred;         ///< edges met before one of their nodes
};

} // namespace Casegraph::Models
